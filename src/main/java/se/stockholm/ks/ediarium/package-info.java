/**
 * The public e-diarium (issue 18): the registered handlingar as offentlighets- och sekretesslagen
 * 5 kap. 2 § lists them — date, diarienummer and handling number, sender or recipient, a short
 * description — for anyone, without login, so that citizens, journalists and the politicians can
 * learn that a handling exists and ask for it. Never content, internal notes, events or anything
 * marked secret: a secret entry is listed with sender and description masked ("Uppgift enligt OSL
 * …", 5 kap. 2 § andra stycket) and is never found by words it hides. {@link
 * se.stockholm.ks.ediarium.Ediarium} reads it; the REST operation ({@code /api/v1/publikt/diarium})
 * and the page ({@code /e-diarium}) are in {@code se.stockholm.ks.api}.
 */
package se.stockholm.ks.ediarium;
