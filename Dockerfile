# Build and run the application; docker-compose.yml starts it next to PostgreSQL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 dx
WORKDIR /app
COPY --from=build /src/target/dx-plan-workflow-*.jar app.jar
USER dx
ENV TZ=Asia/Ho_Chi_Minh \
    SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-Xmx512m -XX:+UseSerialGC -Duser.timezone=Asia/Ho_Chi_Minh"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
