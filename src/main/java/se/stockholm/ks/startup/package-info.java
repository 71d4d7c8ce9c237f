/**
 * What must hold before the application may start, checked before anything else runs (before the
 * data source, the process engine or any user exists): an administrator password, and in the
 * {@code postgres} profile a real organisation (rotlar without placeholder text). A refusal is one
 * Swedish message, printed alone by {@link se.stockholm.ks.startup.StartRefusalFailureAnalyzer}
 * instead of a stack trace.
 *
 * <p>Uses only Spring Boot and {@link se.stockholm.ks.organisation}; {@code security} uses it for the
 * same password rule inside the engine.
 */
package se.stockholm.ks.startup;
