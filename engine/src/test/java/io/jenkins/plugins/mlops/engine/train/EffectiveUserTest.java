package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every way an image's USER can mean uid 0. */
class EffectiveUserTest {
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\ntoor:x:0:0::/root:/bin/sh\n"
            + "trainer:x:1000:1000::/home/trainer:/bin/sh\n";

    /** Unset, root, 0, 00, 0:0, root:root and a name with uid 0 are root; others are not. */
    @Test
    void shouldSeeUidZeroInEveryForm() {
        for (String root : new String[] {"", " ", "root", "0", "00", "0:0", "000:1000", "root:root", "toor",
                "toor:0"}) {
            assertThat(EffectiveUser.isRoot(root, name -> EffectiveUser.uidIn(PASSWD, name))).as(root).isTrue();
        }
        for (String other : new String[] {"1000", "1000:0", "trainer", "trainer:trainer", "nobody"}) {
            assertThat(EffectiveUser.isRoot(other, name -> EffectiveUser.uidIn(PASSWD, name))).as(other).isFalse();
        }
        assertThat(EffectiveUser.isRoot("toor", name -> OptionalLong.empty())).isFalse();
    }

    /**
     * Docker's own passwd parser trims each line and reads a uid it cannot parse as 0: an image whose line for its
     * user is indented, or whose uid is padded or not a number, runs as root. Before the fix all three were taken
     * for users that are not root.
     */
    @Test
    void shouldReadPasswdAsDockerDoes() {
        String users = "  app:x:1000:1000::/home/app:/bin/sh\nbad:x:abc:1000::/:/bin/sh\npad:x: 1000:1000::/:/bin/sh\n"
                + " indented:x:0:0::/:/bin/sh\n";
        for (String root : new String[] {"bad", "pad", "indented"}) {
            assertThat(EffectiveUser.isRoot(root, name -> EffectiveUser.uidIn(users, name))).as(root).isTrue();
        }
        assertThat(EffectiveUser.isRoot("app", name -> EffectiveUser.uidIn(users, name))).isFalse();
    }
}
