package se.stockholm.ks.dokument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The document templates, the stylesheet and the fonts: first from the kansli's own folder, when one
 * is configured and holds the file, then from {@code dokumentmallar/} on the classpath. Templates are
 * Thymeleaf HTML ({@code <name>.html}); the stylesheet is {@code dokument.css}; fonts are the
 * {@code *.ttf} files in {@code fonts/}.
 */
final class Dokumentmallar {

  static final String KATALOG = "dokumentmallar/";
  static final String STILMALL = "dokument.css";
  private static final long ANDRINGAR_SYNS_EFTER_MS = 60_000;

  private final Path mallkatalog;
  private final SpringTemplateEngine motor;
  private final String inbyggdStilmall;

  /**
   * @param mallkatalog the kansli's folder of templates that override the built-in ones; null for the
   *     built-in templates only
   * @throws DokumentException when the folder does not exist or the built-in stylesheet is missing
   */
  Dokumentmallar(Path mallkatalog) {
    if (mallkatalog != null && !Files.isDirectory(mallkatalog)) {
      throw new DokumentException("Mallkatalogen " + mallkatalog + " finns inte");
    }
    this.mallkatalog = mallkatalog;
    this.motor = new SpringTemplateEngine();
    int ordning = 1;
    if (mallkatalog != null) {
      FileTemplateResolver egna = new FileTemplateResolver();
      konfigurera(egna, mallkatalog.toAbsolutePath() + "/", ordning++);
      // The kansli's edits show without a restart.
      egna.setCacheTTLMs(ANDRINGAR_SYNS_EFTER_MS);
      motor.addTemplateResolver(egna);
    }
    ClassLoaderTemplateResolver inbyggda = new ClassLoaderTemplateResolver(Dokumentmallar.class.getClassLoader());
    konfigurera(inbyggda, KATALOG, ordning);
    motor.addTemplateResolver(inbyggda);
    this.inbyggdStilmall = lasKlassvag(KATALOG + STILMALL);
  }

  private static void konfigurera(AbstractConfigurableTemplateResolver resolver, String prefix, int ordning) {
    resolver.setPrefix(prefix);
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(ordning);
  }

  /**
   * @param mall the template's name without {@code .html}, e.g. {@code arendedokument}
   * @param variabler the template's variables
   * @return the HTML
   * @throws DokumentException when the template is missing or fails
   */
  String html(String mall, Map<String, Object> variabler) {
    Context context = new Context(Textformat.SVENSKA, variabler);
    try {
      return motor.process(mall, context);
    } catch (TemplateEngineException e) {
      throw new DokumentException("Dokumentmallen " + mall + " kunde inte användas: " + e.getMessage(), e);
    }
  }

  /**
   * @return the stylesheet, from the kansli's folder when it has one
   * @throws DokumentException when the kansli's stylesheet cannot be read
   */
  String stilmall() {
    if (mallkatalog != null) {
      Path egen = mallkatalog.resolve(STILMALL);
      if (Files.isRegularFile(egen)) {
        try {
          return Files.readString(egen, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new DokumentException("Stilmallen " + egen + " kan inte läsas", e);
        }
      }
    }
    return inbyggdStilmall;
  }

  /**
   * @return the fonts: the built-in ones, each replaced by a font of the same family, weight and style
   *     in the kansli's {@code fonts/} folder, plus the folder's other fonts
   * @throws DokumentException when a font cannot be read
   */
  List<Typsnitt> typsnitt() {
    Map<String, Typsnitt> typsnitt = new LinkedHashMap<>();
    try {
      Resource[] inbyggda = new PathMatchingResourcePatternResolver(Dokumentmallar.class.getClassLoader())
          .getResources("classpath*:" + KATALOG + "fonts/*.ttf");
      for (Resource resurs : inbyggda) {
        try (InputStream in = resurs.getInputStream()) {
          Typsnitt t = Typsnitt.las(resurs.getFilename(), in.readAllBytes());
          typsnitt.put(t.nyckel(), t);
        }
      }
      if (mallkatalog != null && Files.isDirectory(mallkatalog.resolve("fonts"))) {
        try (DirectoryStream<Path> filer = Files.newDirectoryStream(mallkatalog.resolve("fonts"), "*.{ttf,TTF}")) {
          for (Path fil : filer) {
            Typsnitt t = Typsnitt.las(fil.toString(), Files.readAllBytes(fil));
            typsnitt.put(t.nyckel(), t);
          }
        }
      }
    } catch (IOException e) {
      throw new DokumentException("Typsnitten kan inte läsas", e);
    }
    if (typsnitt.isEmpty()) {
      throw new DokumentException("Inga typsnitt under " + KATALOG + "fonts/");
    }
    return new ArrayList<>(typsnitt.values());
  }

  /**
   * @return the base URI that relative references in a template (an image, say) resolve against: the
   *     kansli's folder, or the built-in folder on the classpath
   */
  String basUri() {
    if (mallkatalog != null) {
      return mallkatalog.toAbsolutePath().toUri().toString();
    }
    var url = Dokumentmallar.class.getClassLoader().getResource(KATALOG);
    return url == null ? "" : url.toExternalForm();
  }

  private static String lasKlassvag(String resurs) {
    try (InputStream in = Dokumentmallar.class.getClassLoader().getResourceAsStream(resurs)) {
      if (in == null) {
        throw new DokumentException("Resursen " + resurs + " saknas på klassvägen");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DokumentException("Resursen " + resurs + " kan inte läsas", e);
    }
  }
}
