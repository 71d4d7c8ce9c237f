# Build: docker build -t skrivelseprocessen .   (or: docker compose up -d)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 ks && apt-get update && apt-get install -y --no-install-recommends wget \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/skrivelseprocessen-*.jar app.jar
USER ks
# Memory: resident memory stays under 768 MB through the benchmark (docs/benchmarks.md) with these
# settings; the live heap after a full GC is about 100 MB. Serial GC and two malloc arenas: on two
# cores G1's and glibc's per-thread native memory cost more than they bring.
ENV TZ=Europe/Stockholm \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-Duser.timezone=Europe/Stockholm -Xms256m -Xmx384m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
