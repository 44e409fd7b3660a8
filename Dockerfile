# The dashboard as one container: one replica. deploy/compose.yaml runs two behind Caddy; deploy/kubernetes.yaml
# is the same on a cluster. Build from the project's folder: `docker build -t liptako .`
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The locked dependencies first, in their own layer: it is rebuilt only when the lock changes.
COPY requirements-lock.txt ./
RUN pip install -r requirements-lock.txt

# Then the package itself (its dependencies are the locked ones above) and what the app reads at run time.
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-deps .
COPY app.py ./
COPY pages ./pages
COPY static ./static
COPY data ./data
COPY .streamlit ./.streamlit

# Not root: the app only reads /app.
RUN useradd --create-home --uid 10001 liptako
USER liptako
ENV LIPTAKO_DATA_DIR=/app/data

EXPOSE 8501
# The slim image has no curl: ask Streamlit's health endpoint with Python's own urllib.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2).read() != b'ok')"]

# The only documented start command (README, "Running it, and hosting it"): never plain `streamlit run app.py`.
CMD ["python", "-m", "liptako.serve", "--server.port", "8501", "--server.address", "0.0.0.0"]
