/**
 * The Pipeline steps and freestyle builders, the {@code mlops} Pipeline variable, and what every step, freestyle or
 * Pipeline, runs through: the settings each step shares with its builder, {@code StepRunner} and the one file that
 * calls the engine, {@code EngineCalls}, run on the agent. Builds on {@link io.jenkins.plugins.mlops.config} and
 * {@link io.jenkins.plugins.mlops.ui}; {@code FormerNames} lets Jenkins read jobs and builds saved while the builders
 * and the run action were in the plugin's root package.
 */
package io.jenkins.plugins.mlops.steps;
