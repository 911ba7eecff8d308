"""Driving the admin as its users do: real forms, real workflow actions."""

from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import querydict_from_html


def admin_form_data(html):
    """The page form's fields as a browser would send them. StreamFields are drawn by
    JavaScript, so an empty stream's count is added by hand."""
    data = querydict_from_html(html, form_id="page-edit-form")
    data.setdefault("body-count", "0")
    return data


def submit_story(client, section, title, action="action-submit", **fields):
    """Fill in the admin's add form for a story in ``section`` and send it with ``action``."""
    url = reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarpage", section.pk))
    form = client.get(url)
    assert form.status_code == 200, form
    data = admin_form_data(form.content.decode())
    data.update(
        {
            "title": title,
            # As the admin's JavaScript fills it from the title: lower case, diacritics kept.
            "slug": slugify(title, allow_unicode=True),
            "subject_name": fields.pop("subject_name", "Ông Trần Văn Út"),
            "summary": fields.pop("summary", "Ông Út hiến 500 m² đất làm đường giao thông nông thôn."),
            action: "1",
            **fields,
        }
    )
    return client.post(url, data)


def edit_story(client, page, action="action-submit", **fields):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = client.get(url)
    if form.status_code != 200:
        return form
    data = admin_form_data(form.content.decode())
    data.update({action: "1", **fields})
    return client.post(url, data)


def workflow_action(client, page, action, comment=""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})
