package se.stockholm.ks.earkiv;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the e-arkiv ({@code ks.earkiv.*}).
 *
 * @param organisation the archive creator (arkivbildare) named in the packages
 * @param organisationsnummer the archive creator's organisation number (submitter's id in METS)
 * @param klassificering the classification (klassificeringsstruktur) of the ärenden this
 *     application carries, written as the caseFile's {@code classification}
 * @param organisationsnummer the archive creator's organisation number (submitter's id in METS)
 * @param klassificeringskod the classification's code, e.g. from the informationshanteringsplan
 * @param leveransmapp the folder the packages are delivered to
 */
@Validated
@ConfigurationProperties("ks.earkiv")
public record EarkivInstallningar(
    @DefaultValue("Stockholms stad, kommunstyrelsen") @NotBlank String organisation,
    @DefaultValue("212000-0142") @NotBlank String organisationsnummer,
    @DefaultValue("Skrivelser från borgarråd") @NotBlank String klassificering,
    @DefaultValue("1.2") @NotBlank String klassificeringskod,
    @DefaultValue("data/earkiv") Path leveransmapp) {
}
