# Shortcuts for building, testing and deploying amoc (each target wraps one command; see docs/operations.md).
#   make rel                     the release tarball release/target/amoc-VERSION.tar.gz
#   make test                    every test (bin/test)
#   make docker [TAG=dev]        the container image amoc_image:TAG (needs a Docker engine)
#   make image [TAG=dev]         the same image with buildah (bin/build-image --check: built, run, its API checked)
#   make prepare                 ansible: JDK, sysctl, limits and the service user on the hosts of ansible/hosts
#   make deploy                  ansible: the release tarball and the TLS material (bin/amoc tls init makes it,
#                                conf/tls) onto the slaves and the master, slave daemons started
# ANSIBLE_ARGS passes more options to ansible-playbook, e.g. make deploy ANSIBLE_ARGS="--limit slaves -e amoc_dir=/tmp/amoc"

TAG ?= dev
INVENTORY ?= ansible/hosts
ANSIBLE_ARGS ?=

.PHONY: rel test docker image prepare deploy clean

rel:
	bin/build -q package -DskipTests

test:
	bin/test

docker:
	docker build -f Dockerfile -t amoc_image:$(TAG) .

image:
	bin/build-image --tag amoc_image:$(TAG) --check

prepare:
	ansible-playbook -i $(INVENTORY) ansible/prepare.yml $(ANSIBLE_ARGS)

deploy: rel
	ansible-playbook -i $(INVENTORY) ansible/deploy.yml $(ANSIBLE_ARGS)

clean:
	bin/build -q clean
