package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Texts from a case are shown as text in every form (issue 23). In Camunda Forms a Text view renders
 * its template's values as Markdown and HTML (a sender named {@code <a href=…>} became a link); the
 * HTML view escapes every value it inserts. So a template ({@code {{…}}}) is only in HTML views.
 * The embedded HTML forms write case texts with {@code textContent} only, never as HTML. The browser
 * proof: {@code TasklistBrowserIT}, whose case has HTML and Markdown in its rubrik.
 */
class FormularTextTest {

  private static final Path FORMULAR = Path.of("forms");

  @Test
  void noCamundaFormInsertsCaseTextIntoATextView() throws IOException {
    List<String> fel = new ArrayList<>();
    int mallar = 0;
    try (Stream<Path> filer = Files.list(FORMULAR)) {
      for (Path fil : filer.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        JsonNode form = new ObjectMapper().readTree(fil.toFile());
        for (JsonNode c : komponenter(form.path("components"), new ArrayList<>())) {
          String typ = c.path("type").asText();
          if ("text".equals(typ) && c.path("text").asText().contains("{{")) {
            fel.add(fil.getFileName() + " " + c.path("id").asText());
          }
          if ("html".equals(typ) && c.path("content").asText().contains("{{")) {
            mallar++;
          }
        }
      }
    }
    assertThat(fel).as("textvyer med ärendets värden (visas som HTML)").isEmpty();
    assertThat(mallar).as("HTML-vyer med ärendets värden").isGreaterThanOrEqualTo(7);
  }

  @Test
  void theEmbeddedFormsNeverWriteHtml() throws IOException {
    List<String> fel = new ArrayList<>();
    List<Path> filer = new ArrayList<>();
    try (Stream<Path> f = Files.list(FORMULAR)) {
      f.filter(p -> p.toString().endsWith(".html")).forEach(filer::add);
    }
    filer.add(Path.of("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/inbaddade-formular.js"));
    for (Path fil : filer) {
      String text = Files.readString(fil);
      for (String farlig : List.of("ng-bind-html", "insertAdjacentHTML", "outerHTML", ".html(", "document.write")) {
        if (text.contains(farlig)) {
          fel.add(fil.getFileName() + ": " + farlig);
        }
      }
      // innerHTML only to empty an element
      text.lines().filter(l -> l.contains("innerHTML") && !l.contains("innerHTML = ''"))
          .forEach(l -> fel.add(fil.getFileName() + ": " + l.strip()));
    }
    assertThat(fel).isEmpty();
  }

  private static List<JsonNode> komponenter(JsonNode lista, List<JsonNode> alla) {
    for (JsonNode c : lista) {
      alla.add(c);
      komponenter(c.path("components"), alla);
    }
    return alla;
  }
}
