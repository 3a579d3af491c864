# amoc for Java as a container image, built from this source tree (docs/operations.md#docker has the whole story).
#   docker build -f Dockerfile -t amoc_image:tag .          (or bin/build-image where only buildah runs)
# The master, its HTTP API on port 4000 (HTTPS with the cluster's TLS material, and a bearer token):
#   docker volume create amoc-tls
#   docker run --rm -v amoc-tls:/opt/amoc/conf/tls amoc_image:tag bin/amoc tls init
#   docker run -d --name amoc -v amoc-tls:/opt/amoc/conf/tls -p 4000:4000 \
#       -e AMOC_GRAPHITE_HOST=graphite.example -e AMOC_GRAPHITE_PORT=2003 amoc_image:tag
#   docker exec amoc bin/amoc api-token                     (the token for Authorization: Bearer ...)
#   docker exec amoc bin/amoc eval 'status'                 (or: docker exec -it amoc bin/amoc attach)
# A slave for distributed runs (same image, same material; the master lists it in AMOC_HOSTS):
#   docker network create amoc
#   docker run -d --name slave1 --network amoc -v amoc-tls:/opt/amoc/conf/tls amoc_image:tag bin/amoc slave
# The container runs the master in the foreground (bin/amoc start --foreground); its log goes to stdout.

# Base images: Docker Hub's by default; bin/build-image passes ones made from Debian's packages.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-25
ARG RUNTIME_IMAGE=eclipse-temurin:25-jdk

# --- build: Maven and a JDK compile and package the release tarball ----------------------------------
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests \
 && mkdir /amoc \
 && tar xzf release/target/amoc-*.tar.gz -C /amoc --strip-components=1

# --- runtime: a JDK, not a JRE: amoc compiles scenario sources at run time (javax.tools) -----------------
FROM ${RUNTIME_IMAGE}
RUN useradd --system --create-home --home-dir /home/amoc amoc
COPY --from=build --chown=amoc:amoc /amoc /opt/amoc
# The TLS material's directory, owned by amoc and 0700, so that a volume mounted there starts out that way.
RUN install -d -o amoc -g amoc -m 0700 /opt/amoc/conf/tls /opt/amoc/var
USER amoc
WORKDIR /opt/amoc
# Logs to stderr at info, with the time (the API's audit lines among them); Graphite comes from AMOC_GRAPHITE_HOST /
# AMOC_GRAPHITE_PORT (amoc reads AMOC_<KEY>).
ENV AMOC_JAVA_OPTS="-Damoc.log.level=info -Damoc.log.time=true"
# The HTTP API on every address of the container, so HTTPS only (the cluster's material in conf/tls). Plain HTTP
# needs AMOC_API_TLS=off and AMOC_API_INSECURE_IN_CONTAINER=true, for a port never published beyond the host.
ENV AMOC_API_BIND=0.0.0.0 AMOC_API_TLS=on
EXPOSE 4000
CMD ["bin/amoc", "start", "--foreground"]
