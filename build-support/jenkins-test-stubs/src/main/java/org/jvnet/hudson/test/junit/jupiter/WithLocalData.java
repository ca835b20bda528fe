package org.jvnet.hudson.test.junit.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-only stub of org.jvnet.hudson.test.junit.jupiter.WithLocalData (jenkins-test-harness 2578.v44660312fd37);
 * never on a runtime classpath.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WithLocalData {
    String value() default "";
}
