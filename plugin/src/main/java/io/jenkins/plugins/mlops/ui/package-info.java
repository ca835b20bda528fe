/** What the plugin shows: the project's trend chart and action, and the checks behind the forms' fields. */
package io.jenkins.plugins.mlops.ui;
