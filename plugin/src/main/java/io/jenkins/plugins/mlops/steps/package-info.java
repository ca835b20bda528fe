/**
 * The Pipeline steps and what every step, freestyle or Pipeline, runs through: the settings each step shares with
 * its builder, {@code StepRunner} and the one file that calls the engine,
 * {@code EngineCalls}, run on the agent.
 */
package io.jenkins.plugins.mlops.steps;
