# The application's container image, from the jar that `./mvnw package` builds:
#   ./mvnw -B package -DskipTests && docker build -t video-call-admin .
# Layers from the least to the most often changed (dependencies, then the application's own
# classes), so that a new version of the application ships only its last layer.
# (docs/deployment.md: how to run it, and what of it was verified.)
FROM eclipse-temurin:17-jre AS layers
WORKDIR /build
COPY target/video-call-admin-*.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home app
WORKDIR /application
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER app
ENV SPRING_PROFILES_ACTIVE=prod \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# 8080: the console and /livez, /readyz. 8081: health and metrics, bound to 127.0.0.1 unless
# MANAGEMENT_SERVER_ADDRESS says otherwise; never publish it to a public network.
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "application.jar"]
