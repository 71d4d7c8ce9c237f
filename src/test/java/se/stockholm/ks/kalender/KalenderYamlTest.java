package se.stockholm.ks.kalender;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Binds {@code kalender.yaml} the way Spring Boot binds {@code @ConfigurationProperties} (same
 * binder, conversion service, validation and the annotations' own prefix and unknown-field
 * setting), without starting the application: a typo in the file fails here.
 */
class KalenderYamlTest {

  private static final Arbetsdagskalender KALENDER = new Arbetsdagskalender();

  private static final SpringValidatorAdapter VALIDATOR =
      new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());

  static List<PropertySource<?>> las(Resource yaml) {
    try {
      return new YamlPropertySourceLoader().load(yaml.getDescription(), yaml);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<PropertySource<?>> kalenderYaml() {
    return las(new ClassPathResource("kalender.yaml"));
  }

  static List<PropertySource<?>> yaml(String text) {
    return las(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test.yaml"));
  }

  static <T> T bind(List<PropertySource<?>> kallor, Class<T> typ) {
    ConfigurationProperties egenskaper = typ.getAnnotation(ConfigurationProperties.class);
    Binder binder = new Binder(ConfigurationPropertySources.from(kallor), null,
        ApplicationConversionService.getSharedInstance());
    BindHandler handler = egenskaper.ignoreUnknownFields()
        ? BindHandler.DEFAULT
        : new NoUnboundElementsBindHandler(BindHandler.DEFAULT);
    return binder.bindOrCreate(egenskaper.prefix(), Bindable.of(typ),
        new ValidationBindHandler(handler, VALIDATOR));
  }

  @Nested
  class Frister {

    @Test
    void defaultsInKalenderYamlBindAndValidate() {
      FristInstallningar frister = bind(kalenderYaml(), FristInstallningar.class);

      assertThat(frister).isEqualTo(new FristInstallningar(15, 3, 2, 20, 3, 3, LocalTime.of(7, 0), 2));
    }

    @Test
    void environmentVariableOverridesTheFile() {
      List<PropertySource<?>> kallor = new ArrayList<>();
      kallor.add(new SystemEnvironmentPropertySource(
          StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
          Map.of("KS_FRISTER_REMISSTID", "20", "KS_FRISTER_TIMERKLOCKSLAG", "06:30")));
      kallor.addAll(kalenderYaml());

      FristInstallningar frister = bind(kallor, FristInstallningar.class);

      assertThat(frister.remisstid()).isEqualTo(20);
      assertThat(frister.timerKlockslag()).isEqualTo(LocalTime.of(6, 30));
      assertThat(frister.paminnelseFore()).isEqualTo(3);
    }

    @Test
    void misspeltKeyFailsTheBindingEvenWhenEveryRequiredValueIsThere() {
      assertThatThrownBy(() -> bind(yaml("""
          ks:
            frister:
              remisstid: 15
              paminnelse-fore: 3
              paminelse-fore: 5
              sarskilt-uttalande-fore: 2
              promemoriatid: 20
              brb-framforhallning: 3
              ks-framforhallning: 3
              timer-klockslag: "07:00"
              kansli: 2
          """), FristInstallningar.class))
          .isInstanceOf(BindException.class)
          .hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
          .hasStackTraceContaining("ks.frister.paminelse-fore");
    }

    @Test
    void missingValueFailsValidationInsteadOfBecomingZero() {
      assertThatThrownBy(() -> bind(yaml("""
          ks:
            frister:
              paminnelse-fore: 3
              sarskilt-uttalande-fore: 2
              promemoriatid: 20
              brb-framforhallning: 3
              ks-framforhallning: 3
              timer-klockslag: "07:00"
              kansli: 2
          """), FristInstallningar.class))
          .isInstanceOf(BindException.class)
          .hasStackTraceContaining("remisstid");
    }

    @Test
    void negativeWorkingDaysFailValidation() {
      assertThatThrownBy(() -> bind(yaml("""
          ks:
            frister:
              remisstid: 15
              paminnelse-fore: -1
              sarskilt-uttalande-fore: 2
              promemoriatid: 20
              brb-framforhallning: 3
              ks-framforhallning: 3
              timer-klockslag: "07:00"
              kansli: 2
          """), FristInstallningar.class))
          .isInstanceOf(BindException.class)
          .hasStackTraceContaining("paminnelseFore");
    }
  }

  @Nested
  class Plan {

    private final Sammantradesplan plan = bind(kalenderYaml(), Sammantradesplan.class);

    @Test
    void planHoldsTheMeetingsOfTheRealCase() {
      assertThat(plan.borgarradsberedningen()).contains(parse("2026-03-11"));
      assertThat(plan.kommunstyrelsen()).contains(parse("2026-03-18"));

      Sammantraden sammantraden =
          new Sammantraden(plan, bind(kalenderYaml(), FristInstallningar.class), KALENDER);
      LocalDate brb = sammantraden.forstaBrbSammantrade(parse("2026-03-04"));
      assertThat(brb).isEqualTo(parse("2026-03-11"));
      assertThat(sammantraden.forstaKsSammantrade(brb)).isEqualTo(parse("2026-03-18"));
    }

    @Test
    void planCoversSeptember2025ThroughDecember2027() {
      assertThat(plan.kommunstyrelsen().get(0)).isBetween(parse("2025-09-01"), parse("2025-09-30"));
      assertThat(plan.kommunstyrelsen().get(plan.kommunstyrelsen().size() - 1))
          .isBetween(parse("2027-12-01"), parse("2027-12-31"));
      for (int ar = 2025; ar <= 2027; ar++) {
        for (Month manad : List.of(Month.OCTOBER, Month.NOVEMBER)) {
          int a = ar;
          assertThat(plan.kommunstyrelsen()).as("%s %d", manad, ar)
              .anyMatch(d -> d.getYear() == a && d.getMonth() == manad);
        }
      }
      assertThat(plan.kommunstyrelsen()).anyMatch(d -> d.getYear() == 2027 && d.getMonth() == Month.MAY);
    }

    @Test
    void everyKsMeetingHasABrbMeetingOneWeekBeforeAndViceVersa() {
      assertThat(plan.borgarradsberedningen())
          .containsExactlyElementsOf(plan.kommunstyrelsen().stream().map(d -> d.minusWeeks(1)).toList());
    }

    @Test
    void everyMeetingIsOnAWorkingDayWednesday() {
      List<LocalDate> alla = new ArrayList<>(plan.borgarradsberedningen());
      alla.addAll(plan.kommunstyrelsen());
      assertThat(alla).allSatisfy(d -> {
        assertThat(d.getDayOfWeek()).as("%s", d).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(KALENDER.arArbetsdag(d)).as("%s", d).isTrue();
      });
    }

    @Test
    void noMeetingsInTheSummerBreakOrOverChristmas() {
      List<LocalDate> alla = new ArrayList<>(plan.borgarradsberedningen());
      alla.addAll(plan.kommunstyrelsen());
      assertThat(alla).noneMatch(d -> {
        MonthDay md = MonthDay.from(d);
        boolean sommar = !md.isBefore(MonthDay.of(6, 16)) && !md.isAfter(MonthDay.of(8, 14));
        boolean jul = !md.isBefore(MonthDay.of(12, 18)) || !md.isAfter(MonthDay.of(1, 8));
        return sommar || jul;
      });
    }

    @Test
    void meetingsAreTwoToThreeWeeksApartOutsideTheBreaks() {
      List<LocalDate> ks = plan.kommunstyrelsen();
      for (int i = 1; i < ks.size(); i++) {
        long dagar = ks.get(i).toEpochDay() - ks.get(i - 1).toEpochDay();
        boolean overUppehall = ks.get(i).getMonth() != ks.get(i - 1).getMonth()
            && (ks.get(i).getMonth() == Month.JANUARY || ks.get(i).getMonth() == Month.AUGUST);
        if (!overUppehall) {
          assertThat(dagar).as("%s → %s", ks.get(i - 1), ks.get(i)).isBetween(14L, 21L);
        }
      }
    }

    @Test
    void everyBrbMeetingLeadsToTheKsMeetingAWeekLaterWithTheConfiguredLeadTime() {
      Sammantraden sammantraden =
          new Sammantraden(plan, bind(kalenderYaml(), FristInstallningar.class), KALENDER);
      assertThat(plan.borgarradsberedningen()).allSatisfy(brb ->
          assertThat(sammantraden.forstaKsSammantrade(brb)).as("%s", brb).isEqualTo(brb.plusWeeks(1)));
    }

    @Test
    void misspeltListNameFailsTheBinding() {
      assertThatThrownBy(() -> bind(yaml("""
          ks:
            sammantradesplan:
              borgarradsberedningen: [2026-03-11]
              kommunstyrelse: [2026-03-18]
          """), Sammantradesplan.class))
          .isInstanceOf(BindException.class)
          .hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class)
          .hasStackTraceContaining("ks.sammantradesplan.kommunstyrelse[0]");
    }

    @Test
    void dateThatIsNoDateFailsTheBinding() {
      assertThatThrownBy(() -> bind(yaml("""
          ks:
            sammantradesplan:
              borgarradsberedningen: [2026-03-11]
              kommunstyrelsen: [2026-03-32]
          """), Sammantradesplan.class))
          .isInstanceOf(BindException.class)
          .hasStackTraceContaining("2026-03-32");
    }

    @Test
    void environmentVariableReplacesAWholeListCommaSeparated() {
      List<PropertySource<?>> kallor = new ArrayList<>();
      kallor.add(new SystemEnvironmentPropertySource(
          StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
          Map.of("KS_SAMMANTRADESPLAN_KOMMUNSTYRELSEN", "2028-02-02,2028-01-19")));
      kallor.addAll(kalenderYaml());

      Sammantradesplan medMiljo = bind(kallor, Sammantradesplan.class);

      assertThat(medMiljo.kommunstyrelsen()).containsExactly(parse("2028-01-19"), parse("2028-02-02"));
      assertThat(medMiljo.borgarradsberedningen()).isEqualTo(plan.borgarradsberedningen());
    }
  }
}
