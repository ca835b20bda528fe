/**
 * What the operator set and how it reaches a step: the global configuration and the repository policy (Manage
 * Jenkins > System), the engine settings snapshot, credentials and their form fields, the mail server, and the
 * facade that is the one way to the Jenkins singleton. Builds on {@link io.jenkins.plugins.mlops.ui} for its forms;
 * the global configurations keep the files of their former names in the plugin's root package ({@code SettingsFile}).
 */
package io.jenkins.plugins.mlops.config;
