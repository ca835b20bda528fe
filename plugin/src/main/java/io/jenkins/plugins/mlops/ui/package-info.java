/**
 * What the plugin shows and how its forms read: the project's trend chart and action, the checks behind the forms'
 * fields, and the parsing of setting values as forms and Configuration as Code hand them over.
 */
package io.jenkins.plugins.mlops.ui;
