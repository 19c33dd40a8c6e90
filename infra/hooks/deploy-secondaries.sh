#!/usr/bin/env sh
# azd postdeploy hook: azd deploys the `api` service to the primary region's app only (the one in AZURE_RESOURCE_GROUP);
# this publishes the same build to the other regions' apps (AZURE_SECONDARY_FUNCTION_APPS, "group/app,group/app").
# Nothing to do with one region. Needs the Azure CLI, signed in as for azd.
set -eu
apps="${AZURE_SECONDARY_FUNCTION_APPS:-}"
[ -z "$apps" ] && exit 0

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish src/PassBroker.Functions -c Release -o "$out/app" --nologo -v quiet
(cd "$out/app" && zip -qr "$out/app.zip" .)
for entry in $(echo "$apps" | tr ',' ' '); do
  group=${entry%%/*}
  app=${entry#*/}
  echo "deploying to $app ($group)"
  az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$out/app.zip" --only-show-errors
done
