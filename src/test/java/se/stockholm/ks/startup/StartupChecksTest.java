package se.stockholm.ks.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import se.stockholm.ks.SkrivelseApplication;
import se.stockholm.ks.organisation.Organisation.Rotel;

/**
 * The start-up checks: an administrator password always, and in the {@code postgres} profile the
 * city's own rotlar (no placeholder text, not the demo organisation). A refusal comes before
 * anything starts (no data source is needed) and prints its Swedish message alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTest {

  private static final Set<String> PARTIER = Set.of("S", "M", "V", "L", "MP", "C", "KD", "SD");

  @Test
  void thePostgresProfileWithoutRotlarRefusesToStartWithTheMessageAlone(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(SkrivelseApplication.class)
        .run("--spring.profiles.active=postgres", "--camunda.bpm.admin-user.password=hemligt",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/finns-inte"))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("Organisationen saknar rotlar");
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
        "Organisationen saknar rotlar (ks.organisation.rotlar)", "config/application-postgres.yaml");
    assertThat(output.getAll()).as("inget annat än meddelandet: ingen stackspårning, ingen databas")
        .doesNotContain("\tat ", "Caused by", "HikariPool", "Process Engine");
  }

  @Test
  void thePostgresProfileRefusesTheDemoOrganisation(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(SkrivelseApplication.class)
        .run("--spring.profiles.active=postgres", "--camunda.bpm.admin-user.password=hemligt",
            "--spring.config.import=classpath:organisation-demo.yaml"))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("Demoorganisationen");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Borgarrådet för rotel II", "<namn>", "TODO", "Exempel Exempelsson", "XXX", "…"})
  void aPlaceholderAsFöredragandeBorgarrådIsRefused(String namn) {
    assertThatThrownBy(() -> StartupChecks.requireRealOrganisation(List.of(
            new Rotel("rotel-i", "Rotel I", "Anna Andersson", "S"), new Rotel("rotel-ii", "Rotel II", namn, "S")),
        PARTIER, false))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("Rotel II har platshållartext som föredragande borgarråd ('" + namn + "')")
        .hasMessageNotContaining("Rotel I ");
  }

  @Test
  void aRotelWithAnUnknownPartyOrWithoutBorgarradIsRefused() {
    assertThatThrownBy(() -> StartupChecks.requireRealOrganisation(List.of(
            new Rotel("rotel-i", "Rotel I", "Anna Andersson", "X"), new Rotel("rotel-ii", "Rotel II", " ", "S")),
        PARTIER, false))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("Rotel I har okänt parti 'X'")
        .hasMessageContaining("Rotel II saknar id, namn, borgarråd eller parti");
  }

  @Test
  void realNamesPass() {
    assertThatCode(() -> StartupChecks.requireRealOrganisation(List.of(
            new Rotel("rotel-i", "Rotel I", "Anna Andersson", "S"), new Rotel("rotel-ii", "Rotel II", "Åke Öberg-Ek", "M")),
        PARTIER, false)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void anEmptyAdministratorPasswordIsRefused(String losenord) {
    assertThatThrownBy(() -> StartupChecks.requireAdminPassword(losenord))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("Inget administratörslösenord");
    assertThatThrownBy(() -> StartupChecks.requireAdminPassword(null)).isInstanceOf(StartRefusedException.class);
  }
}
