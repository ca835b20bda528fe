package io.jenkins.plugins.mlops.config;

import hudson.Extension;
import hudson.XmlFile;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.ui.FormChecks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins > System > MLOps: what a model repository may ask for. A pushed repository's mlops.yml is not
 * trusted: every setting of it that reaches the host, the network or a mailbox is checked against this policy when
 * the configuration is loaded, and refused naming the key. So is what the repository's training script may do in its
 * container (run as root, how much it may copy back). Empty fields keep the engine's strict defaults.
 */
@Extension
@Symbol("mlopsRepositoryPolicy")
public class RepositoryPolicy extends GlobalConfiguration {
    private static final String MAX_MEMORY = "Maximum memory";
    private static final String COPY_BACK_MAX_FILE = "Largest file copied back";
    private static final String COPY_BACK_MAX_TOTAL = "Most bytes copied back per trial";

    private String datasetRoots = "";
    private String datasetVolumes = "";
    private String allowedImages = "";
    private String maxMemory = "";
    private boolean allowNetwork;
    private boolean allowGpus;
    private boolean allowRepositoryRecipients;
    private boolean allowRoot;
    private String copyBackMaxFile = "";
    private String copyBackMaxTotal = "";

    /** Loads the saved policy; Jenkins creates the one instance. */
    public RepositoryPolicy() {
        super();
        load();
    }

    @Override
    public String getDisplayName() {
        return "MLOps: what model repositories may ask for";
    }

    /** The file named after the class's former name, so the policy saved before it moved here is kept. */
    @Override
    protected XmlFile getConfigFile() {
        return SettingsFile.of(RepositoryPolicy.class);
    }

    /**
     * The policy for the engine, with the operator's {@code defaults} below each repository's mlops.yml.
     *
     * @param defaults      the global configuration's defaults
     * @param trainerImages the global configuration's trainer image per framework
     * @return the policy, a plain value that travels to the agent
     */
    OperatorPolicy toPolicy(final Overrides defaults, final Map<Framework, String> trainerImages) {
        OperatorPolicy.Builder policy = OperatorPolicy.builder().defaults(defaults).trainerImages(trainerImages)
                .datasetRoots(roots(datasetRoots)).datasetVolumes(words(datasetVolumes))
                .allowedImages(words(allowedImages)).repositoryNetwork(allowNetwork).repositoryGpus(allowGpus)
                .repositoryRecipients(allowRepositoryRecipients);
        if (!maxMemory.isEmpty()) {
            policy.maxMemoryBytes(optionalSize(MAX_MEMORY, maxMemory));
        }
        return policy.build();
    }

    /**
     * What training containers may do beyond the engine's safe defaults, with only the sizes that are set.
     *
     * @return the settings for the engine on the agent
     */
    EngineSettings.Sandbox toSandbox() {
        return new EngineSettings.Sandbox(allowRoot, optionalSize(COPY_BACK_MAX_FILE, copyBackMaxFile),
                optionalSize(COPY_BACK_MAX_TOTAL, copyBackMaxTotal));
    }

    public String getDatasetRoots() {
        return datasetRoots;
    }

    /**
     * Sets the host folders a repository's {@code train.dataset} may lie under, one per line or comma-separated.
     *
     * @throws IllegalArgumentException for a folder that is not absolute
     */
    @DataBoundSetter
    public void setDatasetRoots(final String datasetRoots) {
        roots(datasetRoots);
        this.datasetRoots = FormChecks.trim(datasetRoots);
        save();
    }

    public String getDatasetVolumes() {
        return datasetVolumes;
    }

    @DataBoundSetter
    public void setDatasetVolumes(final String datasetVolumes) {
        this.datasetVolumes = FormChecks.trim(datasetVolumes);
        save();
    }

    public String getAllowedImages() {
        return allowedImages;
    }

    @DataBoundSetter
    public void setAllowedImages(final String allowedImages) {
        this.allowedImages = FormChecks.trim(allowedImages);
        save();
    }

    public String getMaxMemory() {
        return maxMemory;
    }

    /**
     * Sets the most memory a repository may ask for ({@code train.memory}); empty keeps 4g.
     *
     * @throws IllegalArgumentException for anything but a size like 512m or 8g
     */
    @DataBoundSetter
    public void setMaxMemory(final String maxMemory) {
        optionalSize(MAX_MEMORY, maxMemory);
        this.maxMemory = FormChecks.trim(maxMemory);
        save();
    }

    public boolean isAllowNetwork() {
        return allowNetwork;
    }

    @DataBoundSetter
    public void setAllowNetwork(final boolean allowNetwork) {
        this.allowNetwork = allowNetwork;
        save();
    }

    public boolean isAllowGpus() {
        return allowGpus;
    }

    @DataBoundSetter
    public void setAllowGpus(final boolean allowGpus) {
        this.allowGpus = allowGpus;
        save();
    }

    public boolean isAllowRepositoryRecipients() {
        return allowRepositoryRecipients;
    }

    @DataBoundSetter
    public void setAllowRepositoryRecipients(final boolean allowRepositoryRecipients) {
        this.allowRepositoryRecipients = allowRepositoryRecipients;
        save();
    }

    public boolean isAllowRoot() {
        return allowRoot;
    }

    @DataBoundSetter
    public void setAllowRoot(final boolean allowRoot) {
        this.allowRoot = allowRoot;
        save();
    }

    public String getCopyBackMaxFile() {
        return copyBackMaxFile;
    }

    /**
     * Sets the largest file copied back out of a training container; empty keeps the engine's 2g.
     *
     * @throws IllegalArgumentException for anything but a size like 512m or 2g
     */
    @DataBoundSetter
    public void setCopyBackMaxFile(final String copyBackMaxFile) {
        optionalSize(COPY_BACK_MAX_FILE, copyBackMaxFile);
        this.copyBackMaxFile = FormChecks.trim(copyBackMaxFile);
        save();
    }

    public String getCopyBackMaxTotal() {
        return copyBackMaxTotal;
    }

    /**
     * Sets the most bytes copied back out of one training container; empty keeps the engine's 4g.
     *
     * @throws IllegalArgumentException for anything but a size like 512m or 4g
     */
    @DataBoundSetter
    public void setCopyBackMaxTotal(final String copyBackMaxTotal) {
        optionalSize(COPY_BACK_MAX_TOTAL, copyBackMaxTotal);
        this.copyBackMaxTotal = FormChecks.trim(copyBackMaxTotal);
        save();
    }

    @POST
    public FormValidation doCheckDatasetRoots(@QueryParameter final String value) {
        return check(() -> roots(value));
    }

    @POST
    public FormValidation doCheckMaxMemory(@QueryParameter final String value) {
        return check(() -> optionalSize(MAX_MEMORY, value));
    }

    @POST
    public FormValidation doCheckCopyBackMaxFile(@QueryParameter final String value) {
        return check(() -> optionalSize(COPY_BACK_MAX_FILE, value));
    }

    @POST
    public FormValidation doCheckCopyBackMaxTotal(@QueryParameter final String value) {
        return check(() -> optionalSize(COPY_BACK_MAX_TOTAL, value));
    }

    private static FormValidation check(final Runnable parse) {
        if (!new JenkinsFacade().canAdminister()) {
            return FormValidation.ok();
        }
        try {
            parse.run();
            return FormValidation.ok();
        }
        catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Absolute folders, one per line or comma-separated. */
    static List<Path> roots(final String value) {
        List<Path> roots = new ArrayList<>();
        for (String folder : words(value)) {
            Path path = Path.of(folder);
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("Dataset folders: '" + folder + "' is not an absolute folder; "
                        + "enter e.g. /srv/datasets.");
            }
            roots.add(path);
        }
        return roots;
    }

    static List<String> words(final String value) {
        List<String> words = new ArrayList<>();
        for (String word : FormChecks.trim(value).split("[,\\n]")) {
            if (!word.isBlank()) {
                words.add(word.trim());
            }
        }
        return words;
    }

    /**
     * A size as the operator writes it ({@code 512m}, {@code 8g}), or {@code null} when {@code value} is empty.
     *
     * @throws IllegalArgumentException naming the {@code field} for anything else
     */
    static Long optionalSize(final String field, final String value) {
        String text = FormChecks.trim(value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OperatorPolicy.parseMemory(field, "Jenkins", text);
        }
        catch (MlopsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
