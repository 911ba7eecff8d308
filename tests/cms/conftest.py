"""tests/cms: shared helpers."""


def production_settings():
    """cms/settings/production.py's values as it computes them from a valid environment."""
    import os
    import runpy

    env = {"SECRET_KEY": "k" * 20 + "Q7v-9xZ_3mLp0aR8sT2uW5yB1cE4fH6j", "ALLOWED_HOSTS": "guongdienhinh.soctrang.vn"}
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        return runpy.run_module("cms.settings.production")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name)
            else:
                os.environ[name] = value
