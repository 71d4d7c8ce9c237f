package se.stockholm.ks.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The organisation the process serves, from configuration ({@code ks.organisation.*}): the
 * parties, the roles a sender may have, the rotlar with their föredragande borgarråd, and the
 * remissinstanser with the group that answers for each. Forms, validation and authorizations
 * read it from here, so a new rotel or remissinstans is a configuration change.
 *
 * @param partier the parties of kommunfullmäktige (code such as {@code L}, and name)
 * @param roller the roles a sender of a skrivelse may have (e.g. {@code oppositionsborgarråd})
 * @param rotlar the borgarråd's rotlar; each has a candidate group such as {@code rotel-i}
 * @param remissinstanser the bodies a skrivelse can be remitted to, with their groups
 * @param demo true for the demo organisation of the local profile and the tests
 *     ({@code organisation-demo.yaml}): its names are made up, and the {@code postgres} profile refuses
 *     to start with it (see {@link se.stockholm.ks.startup.StartupChecks})
 */
@Validated
@ConfigurationProperties("ks.organisation")
public record Organisation(
    @NotEmpty @Valid List<Parti> partier,
    @NotEmpty List<String> roller,
    @NotEmpty @Valid List<Rotel> rotlar,
    @NotEmpty @Valid List<Remissinstans> remissinstanser,
    @DefaultValue("false") boolean demo) {

  /**
   * A party.
   *
   * @param kod the party's letter code as used in documents, e.g. {@code L}
   * @param namn the party's name, e.g. {@code Liberalerna}
   */
  public record Parti(@NotBlank String kod, @NotBlank String namn) {
    /** @return the party's candidate group, e.g. {@code parti-l} for {@code L} */
    public String grupp() {
      return "parti-" + kod.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A rotel.
   *
   * @param id the rotel's id and candidate group, e.g. {@code rotel-i}
   * @param namn the name used in documents, e.g. {@code Rotel I}
   * @param borgarrad the föredragande borgarråd's name, e.g. {@code Karin Wanngård}
   * @param parti the borgarråd's party code
   */
  public record Rotel(@NotBlank String id, @NotBlank String namn, @NotBlank String borgarrad,
                      @NotBlank String parti) {
    /** @return the candidate group of the rotel's tasks (its id) */
    public String grupp() {
      return id;
    }
  }

  /**
   * A remissinstans.
   *
   * @param id stable id, e.g. {@code stadsledningskontoret}
   * @param namn the name used in documents, e.g. {@code Stadsledningskontoret}
   * @param grupp the candidate group that writes its tjänsteutlåtanden
   */
  public record Remissinstans(@NotBlank String id, @NotBlank String namn, @NotBlank String grupp) {
  }

  /**
   * @param kod a party code, any case
   * @return the party, or empty when the code is unknown
   */
  public Optional<Parti> parti(String kod) {
    return partier.stream().filter(p -> p.kod().equalsIgnoreCase(kod)).findFirst();
  }

  /**
   * @param id a rotel id such as {@code rotel-i}
   * @return the rotel, or empty when unknown
   */
  public Optional<Rotel> rotel(String id) {
    return rotlar.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * @param id a remissinstans id such as {@code stadsledningskontoret}
   * @return the remissinstans, or empty when unknown
   */
  public Optional<Remissinstans> remissinstans(String id) {
    return remissinstanser.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * @param roll a role as written by the sender
   * @return the role as configured (canonical spelling), or empty when unknown
   */
  public Optional<String> roll(String roll) {
    return roller.stream().filter(r -> r.equalsIgnoreCase(roll == null ? "" : roll.trim())).findFirst();
  }
}
