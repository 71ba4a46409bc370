"""A head-last title's last word back in the nominative (az, uz, ky), the rest kept as written,
capitals kept in capitals."""

import pytest

from archive.ingest.titles import _head_last_nominative


@pytest.mark.parametrize(
    ("title", "nominative"),
    [
        ("Beynəlxalq avtomobil daşımaları haqqında Sazişin", "Beynəlxalq avtomobil daşımaları haqqında Saziş"),
        ("Sazişin", "Saziş"),
        ("Bojxona ishlari to'g'risidagi shartnomani", "Bojxona ishlari to'g'risidagi shartnoma"),
        ("BOJXONA ISHLARI TO'G'RISIDAGI SHARTNOMANI", "BOJXONA ISHLARI TO'G'RISIDAGI SHARTNOMA"),
        ("ЖҮК ТАШУУ ЖӨНҮНДӨ МАКУЛДАШУУНУ", "ЖҮК ТАШУУ ЖӨНҮНДӨ МАКУЛДАШУУ"),
    ],
)
def test_the_head_noun_is_put_back_in_the_nominative(title, nominative):
    assert _head_last_nominative(title, None) == nominative
