package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * META-INF/processes.xml lists resources explicitly (see its comment); every model in bpmn/ and
 * every form in forms/ must be listed, and nothing else.
 */
class ProcessesXmlTest {

  @Test
  void everyModelAndFormIsDeployed() throws IOException {
    String xml = Files.readString(Path.of("src/main/resources/META-INF/processes.xml"));
    Matcher m = Pattern.compile("<resource>([^<]+)</resource>").matcher(xml);
    List<String> listed = m.results().map(r -> r.group(1)).sorted().toList();
    List<String> files;
    try (Stream<Path> bpmn = Files.list(Path.of("bpmn")); Stream<Path> forms = Files.list(Path.of("forms"))) {
      files = Stream.concat(bpmn.map(p -> "bpmn/" + p.getFileName()), forms.map(p -> "forms/" + p.getFileName()))
          .sorted().toList();
    }
    assertThat(listed).as("resources in processes.xml").isEqualTo(files);
  }
}
