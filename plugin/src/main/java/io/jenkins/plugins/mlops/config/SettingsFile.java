package io.jenkins.plugins.mlops.config;

import hudson.XmlFile;
import hudson.util.XStream2;
import java.io.File;
import java.util.Map;
import jenkins.model.GlobalConfiguration;

/**
 * The file in {@code JENKINS_HOME} a global configuration of the plugin is saved in. Jenkins names it after the
 * class, and both configurations lived in the plugin's root package until they moved here: they keep the file of
 * their former name, so the settings saved before the move are found. Such a file starts with the former class
 * name, which XStream reads as the class of today through a compatibility alias; what is saved now starts with the
 * new name.
 */
final class SettingsFile {
    /** Each global configuration by the name it had in the root package, which names its file. */
    static final Map<Class<? extends GlobalConfiguration>, String> FORMER_NAMES = Map.of(
            MlopsGlobalConfiguration.class, "io.jenkins.plugins.mlops.MlopsGlobalConfiguration",
            RepositoryPolicy.class, "io.jenkins.plugins.mlops.RepositoryPolicy");

    private SettingsFile() {
    }

    /**
     * The file {@code type} is loaded from and saved to.
     *
     * @param type one of the {@link #FORMER_NAMES}
     * @return {@code JENKINS_HOME/<former name>.xml}, read and written with the aliases
     */
    static XmlFile of(final Class<? extends GlobalConfiguration> type) {
        return new XmlFile(Aliased.XSTREAM, new File(new JenkinsFacade().getRootDir(), fileName(type)));
    }

    /** {@code <former name>.xml}. */
    static String fileName(final Class<? extends GlobalConfiguration> type) {
        return FORMER_NAMES.get(type) + ".xml";
    }

    /**
     * An XStream2 as Jenkins' own for descriptors' files, with the aliases; made when a configuration is first
     * loaded, not when this class is.
     */
    private static final class Aliased {
        static final XStream2 XSTREAM = new XStream2();

        static {
            FORMER_NAMES.forEach((type, name) -> XSTREAM.addCompatibilityAlias(name, type));
        }
    }
}
