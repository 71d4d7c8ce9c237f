/**
 * Generated documents of an ärende: the ärende document (the promemoria with borgarrådsberedningens
 * and kommunstyrelsens treatment, remissammanställningen, as in "PM Rotel I (Dnr KS 2025/1513)")
 * and the protokollsutdrag of the KS decision, as HTML and as archivable PDF/A-2a.
 *
 * <p>The caller maps the case into the plain input records ({@link se.stockholm.ks.dokument.Arendedokument},
 * {@link se.stockholm.ks.dokument.Protokollsutdrag}) and calls {@link se.stockholm.ks.dokument.DokumentRenderer}.
 * The wording and layout live in Thymeleaf templates under {@code dokumentmallar/} on the classpath,
 * which the kansli can override from a folder ({@code ks.dokument.mallkatalog}) without touching Java.
 */
package se.stockholm.ks.dokument;
