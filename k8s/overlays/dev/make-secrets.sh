#!/usr/bin/env bash
# Throwaway Secrets for the dev overlay. Values are generated once into k8s/overlays/dev/.secrets/ (git-ignored,
# owner-only) and kept across runs; the manifests only name the Secrets. Writes .secrets/secrets.yaml and, with
# --apply, applies it to the namespace (default yaqaza-dev):
#
#   k8s/overlays/dev/make-secrets.sh --apply [--namespace yaqaza-dev]
#
# Needs openssl and kubectl (kubectl only renders YAML here; --apply needs a cluster). Never use these in production:
# docs/operations.md has the production commands.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$here/.secrets"
namespace=yaqaza-dev
apply=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --apply) apply=true ;;
        --namespace) namespace="$2"; shift ;;
        -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done

umask 077
mkdir -p "$dir/token-keys"

# a random value, generated once: letters and digits only, so it survives every quoting layer
value() {
    local file="$dir/$1"
    [[ -s "$file" ]] || openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c 32 > "$file"
    cat "$file"
}

secret() { kubectl create secret generic "$@" --namespace "$namespace" --dry-run=client -o yaml; echo "---"; }

services=(gateway intelligence liaison prevention)
out="$dir/secrets.yaml"
{
    secret postgres-superuser --from-literal=username=postgres --from-literal=password="$(value postgres.password)"
    for service in "${services[@]}"; do
        for role in owner app; do
            secret "$service-db-$role" --type=kubernetes.io/basic-auth \
                --from-literal=username="${service}_${role}" \
                --from-literal=password="$(value "$service-$role.password")"
        done
    done

    # JWT signing key of the gateway: <kid>.pem, PKCS#8 RSA 2048 (the gateway never generates keys in Kubernetes)
    if ! compgen -G "$dir/token-keys/*.pem" > /dev/null; then
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/token-keys/dev-$(date -u +%Y%m%d).pem" \
            2>/dev/null
    fi
    secret gateway-token-keys --from-file="$dir/token-keys"

    # first admin (the gateway creates it at start when absent)
    secret gateway-bootstrap-admin --from-literal=username=admin --from-literal=password="$(value admin.password)"

    # the liaison outbox's machine client; register the same id and secret at the gateway (docs/operations.md)
    secret liaison-service-client --from-literal=client-id=liaison-outbox \
        --from-literal=client-secret="$(value liaison-client.secret)"

    # AES-256 key of prevention identities: base64 of 32 random bytes
    [[ -s "$dir/prevention-identity.key" ]] || openssl rand -base64 32 | tr -d '\n' > "$dir/prevention-identity.key"
    secret prevention-identity-key --from-file=identity-key="$dir/prevention-identity.key"

    # the key of the console's encrypted session cookies (the same for every console replica)
    secret console-session --from-literal=secret="$(value console-session.secret)"

    # self-signed TLS for both ingress hosts
    if [[ ! -s "$dir/tls.crt" ]]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 90 -subj "/CN=yaqaza.localhost" \
            -addext "subjectAltName=DNS:yaqaza.localhost,DNS:partners.yaqaza.localhost" \
            -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
    fi
    for name in gateway-tls gateway-partners-tls; do
        kubectl create secret tls "$name" --cert="$dir/tls.crt" --key="$dir/tls.key" --namespace "$namespace" \
            --dry-run=client -o yaml
        echo "---"
    done
} > "$out"

echo "wrote ${out#"$PWD"/} ($(grep -c '^kind: Secret' "$out") Secrets for namespace $namespace)"
if $apply; then
    kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
    kubectl apply -f "$out"
fi
