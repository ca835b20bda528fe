/**
 * How the operator's settings reach a step: the engine settings snapshot, credentials, the mail server, and the
 * facade that is the one way to the Jenkins singleton.
 */
package io.jenkins.plugins.mlops.config;
