FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY archive ./archive
RUN pip install .
COPY . .
RUN useradd --create-home archive && mkdir -p /app/var && chown archive /app/var
USER archive
RUN DATABASE_URL=postgres://build@localhost/build SECRET_KEY=build python manage.py collectstatic --noinput
EXPOSE 8000
CMD ["gunicorn", "archive.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2", "--graceful-timeout", "20", "--access-logfile", "-"]
