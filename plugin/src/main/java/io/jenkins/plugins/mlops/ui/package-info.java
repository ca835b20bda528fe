/**
 * What the plugin shows and how its forms read: the build's MLOps page and summary (the run action), the project's
 * trend chart and action, the checks behind the forms' fields, and the parsing of setting values as forms and
 * Configuration as Code hand them over. Uses no other package of the plugin.
 */
package io.jenkins.plugins.mlops.ui;
