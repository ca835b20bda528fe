/**
 * The Jenkins plugin's classes whose fully qualified names Jenkins stores in XML, so they keep this package: the
 * freestyle builders (job {@code config.xml}), {@link io.jenkins.plugins.mlops.MlopsGlobalConfiguration} and
 * {@link io.jenkins.plugins.mlops.RepositoryPolicy} (their files in {@code JENKINS_HOME} are named after the class),
 * {@link io.jenkins.plugins.mlops.MlopsRunAction} ({@code build.xml}) and the {@code mlops} Pipeline variable, whose
 * Groovy class a running Pipeline serializes. Moving them would lose saved jobs, settings and build pages unless
 * XStream compatibility aliases were registered, which the offline build cannot test. Everything else lives in
 * {@link io.jenkins.plugins.mlops.steps} (Pipeline steps, the shared step path to the engine),
 * {@link io.jenkins.plugins.mlops.ui} (trend chart, form checks, setting values) and
 * {@link io.jenkins.plugins.mlops.config} (engine settings, credentials, mail server, the Jenkins facade); these
 * three never use each other in a circle (PluginArchitectureTest).
 */
package io.jenkins.plugins.mlops;
