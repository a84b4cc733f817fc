# The application's container image, from the jar that `./mvnw package` builds:
#   ./mvnw -B package -DskipTests && docker build -t video-call-admin .
# Layers from the least to the most often changed (dependencies, then the application's own
# classes), so that a new version of the application ships only its last layer.
# (docs/deployment.md: how to run it, and what of it was verified.)
# Java 25 runs it with an ahead-of-time cache (README "Starting quickly"), made in the last step
# by a training run that starts the application without a database and stops once its context
# is refreshed.
FROM eclipse-temurin:25-jre AS layers
WORKDIR /build
COPY target/video-call-admin-*.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --no-create-home app
WORKDIR /application
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
ENV SPRING_PROFILES_ACTIVE=prod \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
# No database at build time: no migrations, no schema validation, Hibernate told its dialect;
# a throw-away key for second-factor secrets, which the prod profile needs to start (the
# container is given its own, APP_SIGN_IN_SECRET_KEY, when it runs).
RUN java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar application.jar \
        --spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none --spring.flyway.enabled=false \
        --spring.jpa.hibernate.ddl-auto=none --spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
        --spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
        --app.sign-in.secret-key=build-time-training-run-only \
        --server.port=0 --management.server.port=0
USER app
# 8080: the console and /livez, /readyz. 8081: health and metrics, bound to 127.0.0.1 unless
# MANAGEMENT_SERVER_ADDRESS says otherwise; never publish it to a public network.
EXPOSE 8080 8081
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "application.jar"]
