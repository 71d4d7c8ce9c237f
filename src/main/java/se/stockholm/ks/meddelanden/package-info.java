/**
 * Messages that reach people: the remiss, the reminder, the notice to KS kansli when svarsdatum has
 * passed, the extension of svarsdatum, the request for särskilt uttalande and the decision notice,
 * sent by e-mail from jobs in the process — at most once per message, whatever retries or nodes do
 * ({@link se.stockholm.ks.meddelanden.Utskick}). In the local profile they go to an outbox page
 * instead ({@code /meddelanden}). Texts in one place: {@link se.stockholm.ks.meddelanden.Meddelandemallar}.
 */
package se.stockholm.ks.meddelanden;
