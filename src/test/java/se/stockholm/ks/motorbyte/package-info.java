/**
 * The switch of process engine on one database (README, "Processmotorer"): a case begun on the Camunda 7.24
 * build and finished on the Operaton build (target/operaton, made by operaton/pom.xml), with no migration of
 * the engine's tables.
 */
package se.stockholm.ks.motorbyte;
