/**
 * Rights through the engine's doors: who may call which endpoint of the engine's REST API
 * ({@code /engine-rest}) and of the webapps' engine API ({@code /camunda/api/engine}), what the
 * engine answers to odd input and to races (problem+json, never 500 or a Java class name), the
 * login throttle per source and time, the rights on task comments, and the variable permissions
 * (Camunda's {@code enforceSpecificVariablePermission}). The model is described in the README
 * ("Behörigheter").
 */
package se.stockholm.ks.behorighet;
