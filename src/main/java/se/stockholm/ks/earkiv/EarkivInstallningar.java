package se.stockholm.ks.earkiv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import se.stockholm.ks.diarium.Handlingstyp;

/**
 * Settings of the e-arkiv ({@code ks.earkiv.*}).
 *
 * @param organisation the archive creator (arkivbildare) named in the packages
 * @param organisationsnummer the archive creator's organisation number (submitter's id in METS)
 * @param klassificering the classification (klassificeringsstruktur) of the ärenden this
 *     application carries, written as the caseFile's {@code classification}
 * @param klassificeringskod the classification's code, e.g. from the informationshanteringsplan
 * @param leveransmapp the folder the packages are delivered to
 * @param leveransIProcessen whether the process's step "Leverera till e-arkivet" delivers (default
 *     true); false leaves delivery to the archivist's batch command ({@code POST /api/v1/earkiv/leveranser})
 * @param informationshanteringsplan the gallring rules per handlingstyp: {@code bevaras} or
 *     {@code gallras efter N år} (counted from the day the ärende was closed); a handlingstyp without
 *     a line is kept (bevaras)
 * @param informationshanteringsplanensBeteckning the plan's name and diarienummer, recorded with
 *     every gallringsbeslut
 * @param test test-only settings, absent in every profile
 */
@Validated
@ConfigurationProperties("ks.earkiv")
public record EarkivInstallningar(
    @DefaultValue("Stockholms stad, kommunstyrelsen") @NotBlank String organisation,
    @DefaultValue("212000-0142") @NotBlank String organisationsnummer,
    @DefaultValue("Skrivelser från borgarråd") @NotBlank String klassificering,
    @DefaultValue("1.2") @NotBlank String klassificeringskod,
    @DefaultValue("data/earkiv") Path leveransmapp,
    @DefaultValue("true") boolean leveransIProcessen,
    Map<Handlingstyp, String> informationshanteringsplan,
    @DefaultValue("Kommunstyrelsens informationshanteringsplan") @NotBlank String informationshanteringsplanensBeteckning,
    Test test) {

  /**
   * Test-only settings.
   *
   * @param pausForeNamnbyte how long a delivery holds the finished package in its hidden
   *     temporary file before the rename (so a test can kill the node mid-delivery); null or zero: none
   */
  public record Test(Duration pausForeNamnbyte) {
  }

  /** @return the plan's lines (never null) */
  public Map<Handlingstyp, String> informationshanteringsplan() {
    return informationshanteringsplan == null ? Map.of() : informationshanteringsplan;
  }
}
