/**
 * Search in the diarium for officials (issue 18): ärenden by text in the rubrik and the handlingar's
 * titles, diarienummer or part of it, status, sender and party, rotel, föredragande borgarråd,
 * remissinstans, date received and overdue remisser, and by their handlingar's type, date, direction
 * and sender or recipient — paged and sorted, the same on H2 and PostgreSQL (where trigram indexes
 * keep it fast, {@code db.migration.V12_1__Sokindex}). {@link se.stockholm.ks.sok.Sokfraga} reads
 * and checks the filters, {@link se.stockholm.ks.sok.Arendesok} runs them,
 * {@link se.stockholm.ks.sok.Csv} writes a result for Excel. The REST operation and the page are in
 * {@code se.stockholm.ks.api}.
 */
package se.stockholm.ks.sok;
