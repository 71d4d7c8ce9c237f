package se.stockholm.ks.dokument;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Generates the documents of an ärende from the Thymeleaf templates in {@code dokumentmallar/}: the
 * ärende document ({@code arendedokument.html}, like "PM Rotel I (Dnr KS 2025/1513)") and the
 * protokollsutdrag ({@code protokollsutdrag.html}), each as self-contained HTML and as PDF/A-2a.
 *
 * <p>The kansli can override any template, the stylesheet {@code dokument.css} and the fonts
 * ({@code fonts/*.ttf}) by putting files of the same name in the folder named by
 * {@code ks.dokument.mallkatalog}; edited templates are picked up within a minute, fonts at restart.
 *
 * <p>Thread-safe. In plain unit tests use {@link #medInbyggdaMallar()}.
 */
@Component
public class DokumentRenderer {

  /** The template of the ärende document. */
  public static final String MALL_ARENDEDOKUMENT = "arendedokument";
  /** The template of the protokollsutdrag. */
  public static final String MALL_PROTOKOLLSUTDRAG = "protokollsutdrag";
  /** The template of a meeting's whole protokoll. */
  public static final String MALL_PROTOKOLL = "protokoll";
  /** The template of a protokoll's anslagsbevis. */
  public static final String MALL_ANSLAGSBEVIS = "anslagsbevis";
  /** The template of a meeting's föredragningslista. */
  public static final String MALL_FOREDRAGNINGSLISTA = "foredragningslista";

  private final Dokumentmallar mallar;
  private final PdfASkrivare pdfSkrivare;
  private final Textformat textformat = new Textformat();

  /**
   * The renderer as Spring makes it.
   *
   * @param mallkatalog the kansli's folder of templates, stylesheet and fonts that override the built-in
   *     ones ({@code ks.dokument.mallkatalog}); blank for the built-in ones only
   * @throws DokumentException when the folder does not exist or the fonts cannot be read
   */
  @Autowired
  public DokumentRenderer(@Value("${ks.dokument.mallkatalog:}") String mallkatalog) {
    this(mallkatalog == null || mallkatalog.isBlank() ? null : Path.of(mallkatalog.strip()));
  }

  /**
   * @param mallkatalog the kansli's folder that overrides the built-in templates; null for none
   * @throws DokumentException when the folder does not exist or the fonts cannot be read
   */
  public DokumentRenderer(Path mallkatalog) {
    this.mallar = new Dokumentmallar(mallkatalog);
    this.pdfSkrivare = new PdfASkrivare(mallar.typsnitt());
  }

  /**
   * @return a renderer with the built-in templates, for use without Spring (tests, tools)
   * @throws DokumentException when the built-in fonts cannot be read
   */
  public static DokumentRenderer medInbyggdaMallar() {
    return new DokumentRenderer((Path) null);
  }

  /**
   * @param dokument the ärende document's data
   * @return the ärende document as a self-contained HTML page (UTF-8, styles inline)
   * @throws NullPointerException when {@code dokument} is null
   * @throws DokumentException when the template fails
   */
  public String arendedokumentHtml(Arendedokument dokument) {
    Objects.requireNonNull(dokument, "dokument");
    return mallar.html(MALL_ARENDEDOKUMENT, variabler("arende", dokument));
  }

  /**
   * @param dokument the ärende document's data
   * @return the ärende document as PDF/A-2a
   * @throws NullPointerException when {@code dokument} is null
   * @throws DokumentException when the template fails or the PDF cannot be written
   */
  public byte[] arendedokumentPdf(Arendedokument dokument) {
    return pdfSkrivare.skriv(arendedokumentHtml(dokument), mallar.basUri(), dokument.diarienummer());
  }

  /**
   * @param utdrag the protokollsutdrag's data
   * @return the protokollsutdrag as a self-contained HTML page (UTF-8, styles inline)
   * @throws NullPointerException when {@code utdrag} is null
   * @throws DokumentException when the template fails
   */
  public String protokollsutdragHtml(Protokollsutdrag utdrag) {
    Objects.requireNonNull(utdrag, "utdrag");
    return mallar.html(MALL_PROTOKOLLSUTDRAG, variabler("utdrag", utdrag));
  }

  /**
   * @param utdrag the protokollsutdrag's data
   * @return the protokollsutdrag as PDF/A-2a
   * @throws NullPointerException when {@code utdrag} is null
   * @throws DokumentException when the template fails or the PDF cannot be written
   */
  public byte[] protokollsutdragPdf(Protokollsutdrag utdrag) {
    return pdfSkrivare.skriv(protokollsutdragHtml(utdrag), mallar.basUri(), utdrag.diarienummer());
  }

  /**
   * @param protokoll the meeting's protokoll
   * @return the protokoll as PDF/A-2a
   * @throws DokumentException when the template fails or the PDF cannot be written
   */
  public byte[] protokollPdf(Protokoll protokoll) {
    Objects.requireNonNull(protokoll, "protokoll");
    return pdfSkrivare.skriv(mallar.html(MALL_PROTOKOLL, variabler("protokoll", protokoll)), mallar.basUri(),
        protokoll.organ() + " " + protokoll.sammantradesdatum());
  }

  /**
   * @param bevis the anslagsbevis of a protokoll
   * @return the anslagsbevis as PDF/A-2a
   * @throws DokumentException when the template fails or the PDF cannot be written
   */
  public byte[] anslagsbevisPdf(Anslagsbevis bevis) {
    Objects.requireNonNull(bevis, "bevis");
    return pdfSkrivare.skriv(mallar.html(MALL_ANSLAGSBEVIS, variabler("bevis", bevis)), mallar.basUri(),
        bevis.organ() + " " + bevis.sammantradesdatum());
  }

  /**
   * @param lista the meeting's föredragningslista
   * @return the föredragningslista as PDF/A-2a
   * @throws DokumentException when the template fails or the PDF cannot be written
   */
  public byte[] foredragningslistaPdf(Foredragningslista lista) {
    Objects.requireNonNull(lista, "lista");
    return pdfSkrivare.skriv(mallar.html(MALL_FOREDRAGNINGSLISTA, variabler("lista", lista)), mallar.basUri(),
        lista.organ() + " " + lista.sammantradesdatum());
  }

  /**
   * @param dokument the ärende document's data
   * @param format the format
   * @return a file name such as "PM Rotel I KS 2025-1513.pdf" (no characters that file systems refuse)
   */
  public static String filnamn(Arendedokument dokument, Dokumentformat format) {
    return tvatta("PM " + dokument.rotelNamn() + " " + dokument.diarienummer()) + "." + format.filandelse();
  }

  /**
   * @param utdrag the protokollsutdrag's data
   * @param format the format
   * @return a file name such as "Protokollsutdrag KS 2025-1513 § 12.pdf"
   */
  public static String filnamn(Protokollsutdrag utdrag, Dokumentformat format) {
    return tvatta("Protokollsutdrag " + utdrag.diarienummer() + " " + utdrag.paragraf())
        + "." + format.filandelse();
  }

  private Map<String, Object> variabler(String namn, Object data) {
    Map<String, Object> variabler = new HashMap<>();
    variabler.put(namn, data);
    variabler.put("txt", textformat);
    // In CDATA, so that the stylesheet may hold "<" or "&" and the page still parses as XHTML; the
    // comment marks keep browsers from seeing the CDATA markers.
    variabler.put("stilmall", "/*<![CDATA[*/\n" + mallar.stilmall() + "\n/*]]>*/");
    return variabler;
  }

  private static String tvatta(String namn) {
    return namn.replace('/', '-')
        .replaceAll("[\\\\:*?\"<>|\\p{Cntrl}]", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
