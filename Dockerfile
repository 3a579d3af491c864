# amoc for Java as a container image, built from this source tree:
#   docker build -f Dockerfile -t amoc_image:tag .
#   docker run -d --name amoc -e AMOC_GRAPHITE_HOST=graphite -e AMOC_GRAPHITE_PORT=2003 -p 4000:4000 amoc_image:tag
#   docker exec -it amoc bin/amoc attach      (or: docker exec amoc bin/amoc eval 'local.status()')
# The container runs the master in the foreground (bin/amoc start --foreground); its log goes to stdout.

# --- build: Maven and a JDK compile and package the release tarball ----------------------------------
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests \
 && mkdir /amoc \
 && tar xzf release/target/amoc-*.tar.gz -C /amoc --strip-components=1

# --- runtime: a JDK, not a JRE: amoc compiles scenario sources at run time (javax.tools) -----------------
FROM eclipse-temurin:25-jdk
RUN useradd --system --create-home --home-dir /home/amoc amoc
COPY --from=build --chown=amoc:amoc /amoc /opt/amoc
USER amoc
WORKDIR /opt/amoc
# Logs to stderr at info, with the time; Graphite comes from AMOC_GRAPHITE_HOST / AMOC_GRAPHITE_PORT (amoc reads AMOC_<KEY>).
ENV AMOC_JAVA_OPTS="-Damoc.log.level=info -Damoc.log.time=true"
# The HTTP API's port.
EXPOSE 4000
CMD ["bin/amoc", "start", "--foreground"]
