# Build and run the application; docker-compose.yml starts it next to PostgreSQL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/dx-plan-workflow-*.jar extract --destination target/app \
 && mv target/app/dx-plan-workflow-*.jar target/app/app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 dx
WORKDIR /app
ENV TZ=Asia/Ho_Chi_Minh \
    JAVA_TOOL_OPTIONS="-Xmx512m -XX:+UseSerialGC -Duser.timezone=Asia/Ho_Chi_Minh"
# The jar extracted (app.jar and lib/) and a class-data-sharing archive of the classes a start loads, recorded by
# this image's JVM in a training run on an in-memory H2 database that stops once the application context is up:
# the application starts in about 8 s instead of 12 s on 2 cores (README, "Benchmark", start-up).
COPY --from=build /src/target/app/ /app/
RUN java -XX:ArchiveClassesAtExit=/app/application.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar \
      --spring.datasource.url=jdbc:h2:mem:training --server.port=0 --logging.level.root=WARN
USER dx
ENV SPRING_PROFILES_ACTIVE=postgres
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/application.jsa", "-jar", "/app/app.jar"]
