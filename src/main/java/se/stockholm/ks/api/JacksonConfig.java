package se.stockholm.ks.api;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * A number or boolean where the API expects text is a wrong type (400), not silently turned into a
 * string. A string may be as long as the largest JSON request ({@link BegaransStorlek}), which a
 * file in base64 needs (Jackson's own limit, 20,000,000 characters, is less than a 25 MB file in
 * base64); the request's size is bounded before Jackson reads it.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfig {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictTextual() {
    return builder -> builder.postConfigurer(mapper -> {
      mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength((int) BegaransStorlek.MAX_JSON).build());
      var textual = mapper.coercionConfigFor(LogicalType.Textual);
      textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
      textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
      textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    });
  }
}
