"""Web: upload a resolution's text, review what was read, save it. Every refusal is tested."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.audit.models import AuditEvent
from nghiquyet.resolutions.forms_read import field_for_path, flatten
from nghiquyet.resolutions.models import ImportDraft, Resolution, Target
from tests.conftest import SEED_TXT

UPLOAD = reverse("resolutions:read_upload")
SEED_BYTES = SEED_TXT.read_bytes()
# The seed with one figure taken out and the announced count changed: one warning
# about indicator (3), one about the whole document.
WARNED_BYTES = (SEED_TXT.read_text(encoding="utf-8")
                .replace("(24 chỉ tiêu)", "(25 chỉ tiêu)")
                .replace("đào tạo đạt 30%.", "đào tạo được nâng lên.")
                .encode("utf-8"))


def _review_url(draft):
    return reverse("resolutions:read_review", args=[draft.pk])


def _upload(client, tree, data=SEED_BYTES, name="phieng-khoai.txt", unit="commune"):
    post = {"file": SimpleUploadedFile(name, data)}
    if unit:
        post["orgunit"] = tree[unit].pk
    return client.post(UPLOAD, post)


def _post(client, draft, action="draft", **changes):
    draft.refresh_from_db()
    data = flatten(draft.registry, draft.version)
    data.update(changes)
    data["action"] = action
    return client.post(_review_url(draft), data)


def _field_block(html, name):
    """The markup around one field of the review form, from its wrapper to the next one."""
    match = re.search(r'<div class="rv-f[^"]*">\s*<label for="id_' + re.escape(name) + r'".*?</div>',
                      html, re.S)
    assert match, name
    return match.group(0)


@pytest.fixture
def alice(client, users):
    client.force_login(users["alice"])
    return client


@pytest.fixture
def draft(alice, tree):
    response = _upload(alice, tree)
    assert response.status_code == 302
    return ImportDraft.objects.get()


# --- upload and review --------------------------------------------------------------


@pytest.mark.django_db
def test_it_works(alice, tree):
    response = _upload(alice, tree)
    draft = ImportDraft.objects.get()
    assert response["Location"] == _review_url(draft)
    assert draft.issuer == tree["commune"] and draft.filename == "phieng-khoai.txt"
    assert bytes(draft.source) == SEED_BYTES
    assert Resolution.objects.count() == 0  # a draft is not a resolution
    html = alice.get(_review_url(draft)).content.decode()
    assert html.count('<article class="rv-ind') == 24
    assert html.count('<details class="rv-target') == 37
    assert 'id="warnings"' in html and "Không có cảnh báo nào" in html
    assert "24 chỉ tiêu, 37 mục tiêu đo được" in html


@pytest.mark.django_db
def test_source_text_stands_beside_its_targets(alice, draft):
    html = alice.get(_review_url(draft)).content.decode()
    article = re.search(r'<article[^>]*id="ind-1".*?</article>', html, re.S).group(0)
    assert "Cây lương thực có hạt đạt 49.305 tấn" in article  # the resolution's words
    assert 'value="49.305"' in article and 'value="194.572"' in article  # the parsed targets
    assert "từ 49.305 tấn trở lên" in article and article.count('<details class="rv-target') == 5
    six = re.search(r'<article[^>]*id="ind-5".*?</article>', html, re.S).group(0)
    assert 'name="ind-5-t-0-value" value="5"' in six and 'value="7"' in six  # 05/07 trường


@pytest.mark.django_db
def test_warnings_are_shown_at_the_top_and_at_their_indicator(alice, tree):
    _upload(alice, tree, data=WARNED_BYTES)
    draft = ImportDraft.objects.get()
    assert {w["code"] for w in draft.warnings} >= {"declared_count_mismatch", "no_figure"}
    html = alice.get(_review_url(draft)).content.decode()
    top = re.search(r'<section class="rv-warnings has-warnings".*?</section>', html, re.S).group(0)
    assert "nêu 25 chỉ tiêu nhưng tìm thấy 24" in top
    assert 'href="#ind-2"' in top  # the per-indicator warning is listed, linked
    third = re.search(r'<article class="rv-ind has-warning[^"]*" id="ind-2".*?</article>',
                      html, re.S).group(0)
    assert 'data-code="no_figure"' in third and "đào tạo được nâng lên" in third


@pytest.mark.django_db
def test_a_renumbered_indicator_keeps_its_warnings(alice, tree):
    _upload(alice, tree, data=WARNED_BYTES)
    draft = ImportDraft.objects.get()
    _post(alice, draft, **{"ind-2-number": "30"})
    draft.refresh_from_db()
    assert [w["indicator"] for w in draft.warnings if w["code"] == "no_figure"] == [30]


# --- editing and saving -----------------------------------------------------------------


@pytest.mark.django_db
def test_an_edited_value_is_saved_with_the_resolution(alice, draft, tree):
    response = _post(alice, draft, "save", **{
        "ind-1-t-0-value": "50.125", "ind-2-t-0-value": "31,5", "ind-1-t-1-label": "Quả",
        "res-title": "Nghị quyết đã rà soát",
    })
    resolution = Resolution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("resolution_detail", args=[resolution.pk])
    assert resolution.title == "Nghị quyết đã rà soát" and resolution.issuer == tree["commune"]
    targets = Target.objects.filter(indicator__resolution=resolution)
    assert targets.count() == 37
    grain = targets.get(indicator__number=2, position=0)
    assert grain.value == 50125
    assert targets.get(indicator__number=2, position=1).label == "Quả"
    assert targets.get(indicator__number=3, position=0).value == 31.5
    assert resolution.source_document.name.endswith(".txt")
    assert resolution.source_document.read() == SEED_BYTES
    assert not ImportDraft.objects.exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"import_draft.create", "import_draft.update", "import_draft.import",
            "resolution.import"} <= actions


@pytest.mark.django_db
def test_a_draft_keeps_its_edits_between_requests(alice, draft):
    response = _post(alice, draft, **{"ind-0-t-1-value": "1.000", "grp-0-title": "Kinh tế"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.registry["indicators"][0]["targets"][1]["value"] == 1000
    assert draft.registry["groups"][0]["title"] == "Kinh tế"
    assert draft.version == 2
    html = alice.get(_review_url(draft)).content.decode()
    assert 'name="ind-0-t-1-value" value="1.000"' in html
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
def test_a_removed_comparator_is_shown_at_its_field_and_nothing_is_saved(alice, draft):
    response = _post(alice, draft, "save", **{"ind-3-t-0-comparator": ""})
    assert response.status_code == 400
    html = response.content.decode()
    block = _field_block(html, "ind-3-t-0-comparator")
    assert "has-error" in block and "Chưa chọn." in block
    assert "Chưa lưu gì: còn 1 lỗi" in html and '<a href="#ind-3">Đến lỗi đầu tiên' in html
    assert Resolution.objects.count() == 0 and ImportDraft.objects.count() == 1


@pytest.mark.django_db
def test_between_without_upper_is_shown_at_the_upper_field(alice, draft):
    response = _post(alice, draft, "save", **{"ind-6-t-0-comparator": "between"})
    assert response.status_code == 400
    block = _field_block(response.content.decode(), "ind-6-t-0-upper")
    assert "bắt buộc khi so sánh là “between”" in block
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
def test_a_number_not_written_the_vietnamese_way_is_refused(alice, draft):
    response = _post(alice, draft, "save", **{"ind-1-t-0-value": "49,305.5"})
    assert response.status_code == 400
    block = _field_block(response.content.decode(), "ind-1-t-0-value")
    assert "không phải số" in block and 'value="49,305.5"' in block
    draft.refresh_from_db()
    assert draft.version == 1 and Resolution.objects.count() == 0


@pytest.mark.django_db
def test_errors_about_a_draft_are_marked_when_it_is_opened(alice, tree):
    text = "Các chỉ tiêu chủ yếu (1 chỉ tiêu)\n(1) Tỷ lệ lao động qua đào tạo đạt 30%.\n"
    _upload(alice, tree, data=text.encode())
    draft = ImportDraft.objects.get()
    html = alice.get(_review_url(draft)).content.decode()
    assert "has-error" in _field_block(html, "res-title")
    assert "has-error" in _field_block(html, "ind-0-t-0-year")
    assert "Còn chỗ cần sửa" in html and '<a href="#resolution">' in html
    assert re.search(r'<details class="rv-target has-error" id="ind-0-t-0" open>', html)


@pytest.mark.django_db
def test_a_text_without_indicators_says_so(alice, tree):
    _upload(alice, tree, data="Một văn bản không có danh sách chỉ tiêu.\n".encode())
    html = alice.get(_review_url(ImportDraft.objects.get())).content.decode()
    assert "Chỉ tiêu: nghị quyết phải có ít nhất một chỉ tiêu" in html
    assert "Không đọc được chỉ tiêu nào từ văn bản" in html


@pytest.mark.django_db
def test_targets_indicators_and_items_can_be_added_and_removed(alice, draft):
    response = _post(alice, draft, "add_target:0", **{"ind-0-t-0-value": "6"})
    assert response["Location"] == _review_url(draft) + "#ind-0"
    draft.refresh_from_db()
    targets = draft.registry["indicators"][0]["targets"]
    assert len(targets) == 3 and targets[0]["value"] == 6 and targets[2]["year"] == 2030
    _post(alice, draft, "remove_target:0:1")
    assert _post(alice, draft, "add_indicator")["Location"].endswith("#ind-24")
    _post(alice, draft, "add_task")
    _post(alice, draft, "remove_breakthrough:0")
    draft.refresh_from_db()
    doc = draft.registry
    assert [t["value"] for t in doc["indicators"][0]["targets"]] == [6, None]
    assert len(doc["indicators"]) == 25 and doc["indicators"][24]["number"] == 25
    html = alice.get(_review_url(draft)).content.decode()
    assert html.count('<details class="rv-target') == 37 + 1 - 1 + 1
    _post(alice, draft, "remove_indicator:24")
    draft.refresh_from_db()
    assert len(draft.registry["indicators"]) == 24


@pytest.mark.django_db
def test_renaming_a_group_keeps_its_indicators(alice, draft):
    _post(alice, draft, **{"grp-0-code": "I"})
    draft.refresh_from_db()
    assert draft.registry["groups"][0]["code"] == "I"
    assert {i["group"] for i in draft.registry["indicators"][:5]} == {"I"}
    _post(alice, draft, "remove_group:0")
    draft.refresh_from_db()
    assert draft.registry["indicators"][0]["group"] is None


@pytest.mark.django_db
def test_a_stale_page_does_not_overwrite_newer_edits(alice, draft):
    _post(alice, draft, **{"ind-0-text": "Sửa lần một"})
    stale = flatten(draft.registry, 1) | {"action": "draft", "ind-0-text": "Cũ"}
    response = alice.post(_review_url(draft), stale)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.registry["indicators"][0]["text"] == "Sửa lần một"


@pytest.mark.django_db
def test_a_draft_can_be_downloaded_as_a_registry(alice, draft, seed_doc):
    from nghiquyet.lib.registry import compare_registries

    response = alice.get(reverse("resolutions:read_registry", args=[draft.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert compare_registries(seed_doc, response.json()) == []


@pytest.mark.django_db
def test_a_registry_too_big_for_one_form_says_so(alice, draft, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
    html = alice.get(_review_url(draft)).content.decode()
    assert "quá nhiều ô để gửi trong một lần" in html
    assert reverse("resolutions:read_registry", args=[draft.pk]) in html


@pytest.mark.django_db
def test_a_draft_can_be_discarded(alice, draft):
    response = alice.post(reverse("resolutions:read_discard", args=[draft.pk]))
    assert response["Location"] == UPLOAD
    assert not ImportDraft.objects.exists()
    assert AuditEvent.objects.filter(action="import_draft.delete").exists()


def test_paths_map_to_fields():
    assert field_for_path("indicators[3].targets[0].comparator") == "ind-3-t-0-comparator"
    assert field_for_path("resolution.term_end") == "res-term_end"
    assert field_for_path("groups[1].code") == "grp-1-code"
    assert field_for_path("tasks[2].title") == "task-2-title"
    assert field_for_path("breakthroughs[0].number") == "bt-0-number"


# --- bad files ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "message"), [
    ("rong.txt", b"", "Tệp “rong.txt” rỗng."),
    ("nhiphan.txt", b"\x00\x01\x02\x03" * 100, "“nhiphan.txt” là tệp nhị phân"),
    ("nghiquyet.doc", b"\xd0\xcf\x11\xe0" + b"x" * 100, "“nghiquyet.doc” chưa được hỗ trợ"),
    ("danhmuc.json", b"{}", "“danhmuc.json” chưa được hỗ trợ"),
    ("gia.pdf", "Không phải PDF".encode(), "“gia.pdf” không phải tệp .pdf hợp lệ"),
    ("gia.docx", "Không phải Word".encode(), "“gia.docx” không phải tệp .docx hợp lệ"),
    ("an.txt", b"%PDF-1.4 rest", "“an.txt” có đuôi .txt nhưng nội dung không phải"),
    ("cu.txt", b"\xd0\xe0ng b\xf4 x\xe3 Phi\xeang Kho\xe0i", "“cu.txt” không được mã hóa UTF-8"),
])
def test_bad_files_are_refused_with_a_message(alice, tree, name, data, message):
    response = _upload(alice, tree, data=data, name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportDraft.objects.exists()


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(alice, tree, settings):
    settings.NGHIQUYET_MAX_UPLOAD_BYTES = 1024 * 1024
    response = _upload(alice, tree, data=b"a" * (1024 * 1024 + 1), name="lon.txt")
    assert response.status_code == 400
    assert "Tệp “lon.txt” quá lớn (1.048.577 byte), vượt giới hạn 1 MB." in response.content.decode()
    assert not ImportDraft.objects.exists()


# --- who may ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, users, tree):
    owner_client = client
    owner_client.force_login(users["alice"])
    _upload(owner_client, tree)
    draft = ImportDraft.objects.get()
    client.logout()
    for url in (UPLOAD, _review_url(draft)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert client.post(UPLOAD, {})["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["olga", "bob", "sam", "nobody"])
def test_users_without_import_rights_are_refused(client, users, tree, username):
    client.force_login(users["alice"])
    _upload(client, tree)
    draft = ImportDraft.objects.get()
    client.force_login(users[username])
    assert client.get(UPLOAD).status_code == 403
    assert _upload(client, tree).status_code == 403
    assert client.get(_review_url(draft)).status_code == 403
    assert _post(client, draft, "save").status_code == 403
    assert client.get(reverse("resolutions:read_registry", args=[draft.pk])).status_code == 403
    assert ImportDraft.objects.count() == 1 and Resolution.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["charlie", "admin"])
def test_another_users_draft_is_not_found(client, users, tree, username):
    client.force_login(users["alice"])
    _upload(client, tree)
    draft = ImportDraft.objects.get()
    client.force_login(users[username])
    assert client.get(_review_url(draft)).status_code == 404
    assert _post(client, draft, "save").status_code == 404
    assert client.post(reverse("resolutions:read_discard", args=[draft.pk])).status_code == 404
    assert client.get(reverse("resolutions:read_registry", args=[draft.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.version == 1 and Resolution.objects.count() == 0


@pytest.mark.django_db
def test_a_leader_cannot_read_for_a_unit_outside_their_subtree(client, users, tree):
    client.force_login(users["charlie"])
    form = client.get(UPLOAD).content.decode()
    assert "Chiềng Hặc" in form and "Phiêng Khoài" not in form
    response = _upload(client, tree, unit="commune")
    assert response.status_code == 400
    assert not ImportDraft.objects.exists()
    response = _upload(client, tree, unit=None)  # leaving it to the names: admins only
    assert response.status_code == 400
    assert not ImportDraft.objects.exists()


@pytest.mark.django_db
def test_saving_needs_the_right_to_the_unit_at_that_moment(client, users, tree):
    from nghiquyet.accounts.models import RoleAssignment

    client.force_login(users["alice"])
    _upload(client, tree)
    draft = ImportDraft.objects.get()
    # Alice is moved from Phiêng Khoài to lead Chiềng Hặc while her draft is open.
    RoleAssignment.objects.filter(user=users["alice"]).update(orgunit=tree["other"])
    assert _post(client, draft, "save", **{"ind-0-text": "Sửa"}).status_code == 403
    assert Resolution.objects.count() == 0
    draft.refresh_from_db()
    assert draft.version == 1  # the refused save changed nothing


@pytest.mark.django_db
def test_an_admin_may_leave_the_unit_to_the_text(client, users, tree):
    client.force_login(users["admin"])
    _upload(client, tree, unit=None)
    draft = ImportDraft.objects.get()
    assert draft.issuer is None
    assert _post(client, draft, "save").status_code == 302
    assert Resolution.objects.get().issuer == tree["commune"]  # found by name under Sơn La


# --- queries --------------------------------------------------------------------------------


def _review_queries(client, draft):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(_review_url(draft))
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_review_query_count_does_not_grow_with_indicators(alice, draft):
    before = _review_queries(alice, draft)
    doc = draft.registry
    extra = [{**ind, "number": 100 + k} for k, ind in enumerate(doc["indicators"])]
    doc["indicators"] += extra
    doc["tasks"] += doc["tasks"]
    ImportDraft.objects.filter(pk=draft.pk).update(registry=doc)
    assert _review_queries(alice, draft) == before
    assert before <= 6  # session, user, roles, draft, units, unread notifications (the bell)


@pytest.mark.django_db
def test_the_admin_lists_drafts_without_editing_them(users, draft):
    from django.test import Client

    staff = users["admin"]
    staff.is_staff = staff.is_superuser = True
    staff.save(update_fields=["is_staff", "is_superuser"])
    client = Client()
    client.force_login(staff)
    listing = client.get(reverse("admin:resolutions_importdraft_changelist"))
    assert listing.status_code == 200 and "phieng-khoai.txt" in listing.content.decode()
    page = client.get(reverse("admin:resolutions_importdraft_change", args=[draft.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()


# --- layouts, the user's term, re-checked warnings, the list marked by hand ----------

LAYOUTS_DIR = SEED_TXT.parents[1] / "corpus-layouts"
EXTRACT_BYTES = (LAYOUTS_DIR / "12-na-pheo-2025-2030.txt").read_bytes()
TABLE_DOCX = (LAYOUTS_DIR / "11-dong-lung-2025-2030.docx").read_bytes()
UNUSUAL = """\
Đại hội đại biểu Đảng bộ xã Phiêng Khoài lần thứ I, nhiệm kỳ 2025-2030 đã thảo luận và
QUYẾT NGHỊ
II. Những việc phải làm được trong 5 năm tới
(1) Sản lượng ngô đạt 2.500 tấn.
(2) Tỷ lệ người dân dùng nước sạch đạt 97%.
III. Giao Ban Chấp hành tổ chức thực hiện.
""".encode()


@pytest.mark.django_db
def test_the_recognised_layout_is_shown(alice, tree):
    _upload(alice, tree, data=TABLE_DOCX, name="dong-lung.docx")
    draft = ImportDraft.objects.get()
    html = alice.get(_review_url(draft)).content.decode()
    layout = re.search(r'<p class="rv-layout" id="layout">(.*?)</p>', html, re.S).group(1)
    assert "bảng (STT | Chỉ tiêu" in layout.replace("&#x27;", "'")
    assert html.count('<article class="rv-ind') == 13
    # The layout is said once at the top, not listed as a warning.
    assert "Danh sách chỉ tiêu được đọc theo dạng" not in re.search(
        r'<section class="rv-warnings.*?</section>', html, re.S).group(0)


@pytest.mark.django_db
def test_the_term_given_on_upload_fills_the_deadlines_of_an_extract(alice, tree):
    post = {"file": SimpleUploadedFile("na-pheo.txt", EXTRACT_BYTES),
            "orgunit": tree["commune"].pk, "term": "2025-2030"}
    assert alice.post(UPLOAD, post).status_code == 302
    draft = ImportDraft.objects.get()
    meta = draft.registry["resolution"]
    assert (meta["term_start"], meta["term_end"]) == (2025, 2030)
    years = {t["year"] for i in draft.registry["indicators"] for t in i["targets"]}
    assert years == {2028, 2030}
    assert "deadline_unknown" not in {w["code"] for w in draft.warnings}


@pytest.mark.django_db
def test_without_a_term_an_extract_keeps_deadlines_empty_and_says_so(alice, tree):
    _upload(alice, tree, data=EXTRACT_BYTES, name="na-pheo.txt")
    draft = ImportDraft.objects.get()
    years = {t["year"] for i in draft.registry["indicators"] for t in i["targets"]}
    assert years == {None, 2028}
    assert {"term_not_found", "deadline_unknown"} <= {w["code"] for w in draft.warnings}


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["2030-2025", "năm 2025", "2025"])
def test_a_malformed_term_is_refused_on_the_form(alice, tree, bad):
    post = {"file": SimpleUploadedFile("na-pheo.txt", EXTRACT_BYTES),
            "orgunit": tree["commune"].pk, "term": bad}
    response = alice.post(UPLOAD, post)
    assert response.status_code == 400
    assert "Nhiệm kỳ không hợp lệ" in response.content.decode()
    assert ImportDraft.objects.count() == 0


@pytest.mark.django_db
def test_warnings_are_checked_again_after_each_edit(alice, tree):
    _upload(alice, tree, data=WARNED_BYTES)
    draft = ImportDraft.objects.get()
    i = next(k for k, ind in enumerate(draft.registry["indicators"]) if not ind["targets"])
    number = draft.registry["indicators"][i]["number"]
    assert ("no_figure", number) in {(w["code"], w["indicator"]) for w in draft.warnings}
    # The reviewer adds the missing target: the "no figure" warning goes, and the blank
    # target's own gaps (no unit yet) are pointed out instead.
    _post(alice, draft, action=f"add_target:{i}")
    draft.refresh_from_db()
    codes = {(w["code"], w["indicator"]) for w in draft.warnings}
    assert ("no_figure", number) not in codes
    # Typing a label cut mid-phrase is warned, on the page too.
    response = _post(alice, draft, **{f"ind-{i}-t-0-label": "Tỷ lệ lao động được",
                                      f"ind-{i}-t-0-value": "30", f"ind-{i}-t-0-unit": "%"})
    assert response.status_code == 302
    draft.refresh_from_db()
    codes = {(w["code"], w["indicator"]) for w in draft.warnings}
    assert ("label_incomplete", number) in codes
    assert ("declared_count_mismatch", None) in codes  # still 25 announced, 24 listed
    html = alice.get(_review_url(draft)).content.decode()
    assert "bị cắt giữa chừng" in html


@pytest.mark.django_db
def test_the_reviewer_marks_the_list_when_it_was_not_found(alice, tree):
    _upload(alice, tree, data=UNUSUAL, name="la.txt")
    draft = ImportDraft.objects.get()
    assert draft.registry["indicators"] == []
    html = alice.get(_review_url(draft)).content.decode()
    assert '<details class="card rv-reparse" id="reparse" open>' in html
    response = alice.post(_review_url(draft), {
        "action": "reparse", "version": draft.version,
        "first": "(1) Sản lượng ngô", "last": "(2) Tỷ lệ người dân",
    })
    assert response.status_code == 302
    draft.refresh_from_db()
    assert [t["value"] for i in draft.registry["indicators"] for t in i["targets"]] == [2500, 97]
    assert draft.version == 2
    assert AuditEvent.objects.filter(action="import_draft.reparse").count() == 1
    html = alice.get(_review_url(draft)).content.decode()
    assert "danh sách đánh số" in html


@pytest.mark.django_db
def test_marking_the_list_needs_both_ends_and_a_current_page(alice, tree):
    _upload(alice, tree, data=UNUSUAL, name="la.txt")
    draft = ImportDraft.objects.get()
    response = alice.post(_review_url(draft), {"action": "reparse", "version": draft.version,
                                               "first": "(1) Sản lượng ngô", "last": ""})
    assert response.status_code == 400
    stale = alice.post(_review_url(draft), {"action": "reparse", "version": draft.version + 5,
                                            "first": "(1) Sản", "last": "(2) Tỷ"})
    assert stale.status_code == 302
    draft.refresh_from_db()
    assert draft.registry["indicators"] == [] and draft.version == 1


@pytest.mark.django_db
def test_a_label_cut_mid_phrase_is_not_saved_before_the_reviewer_saw_the_warning(alice, draft):
    cut = {"ind-0-t-0-label": "Tổng sản lượng cây lương thực có hạt của"}
    first = _post(alice, draft, "save", **cut)
    assert first.status_code == 302 and first["Location"].endswith("#warnings")
    assert Resolution.objects.count() == 0
    page = alice.get(_review_url(draft)).content.decode()
    assert "bị cắt giữa chừng" in page
    second = _post(alice, draft, "save", **cut)  # seen, and saved on purpose
    assert second.status_code == 302
    assert Resolution.objects.count() == 1
