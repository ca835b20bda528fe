/**
 * Classes that deliberately break the engine's architecture rules, so that ArchitectureRulesFailTest can show that
 * every rule fails when violated. Never referenced by real code.
 */
package io.jenkins.plugins.mlops.archfixture.engine;
