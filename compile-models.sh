#!/usr/bin/env bash
# Regenerates the EF compiled models (src/Pmqa.Web/Infrastructure/Data/CompiledModels/{Sqlite,Postgres}, ADR 0036)
# after a change to an entity or its configuration; CompiledModelTests fails until this has run. The old files are
# removed first (they may no longer compile); the application builds its model at run time until they are back.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
rm -rf src/Pmqa.Web/Infrastructure/Data/CompiledModels
dotnet build tests/Pmqa.Web.Tests -c Debug -nologo -v q -clp:NoSummary
PMQA_WRITE_COMPILED_MODELS=1 dotnet test tests/Pmqa.Web.Tests -c Debug --no-build -nologo \
  --filter 'FullyQualifiedName~CompiledModelTests.The_compiled_model_is_generated_from_the_current_model'
dotnet build tests/Pmqa.Web.Tests -c Debug -nologo -v q -clp:NoSummary
dotnet test tests/Pmqa.Web.Tests -c Debug --no-build -nologo --filter 'FullyQualifiedName~CompiledModelTests'
git status --short src/Pmqa.Web/Infrastructure/Data/CompiledModels | sed -n 1,5p # (sed reads to the end: no SIGPIPE under pipefail)
