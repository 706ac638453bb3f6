-- An open example instrument written for Yaqaza (CC BY 4.0). It is NOT a validated risk tool and copies no
-- proprietary instrument: real deployments load the instrument their licence holder supplies, as data.
INSERT INTO instrument (id, code, version, title, licence, definition, created_at, created_by)
VALUES ('6f1f9a52-3c1e-4d7e-9a51-0d1c2b3a4e01', 'YAQAZA-RPR', 1,
        'Yaqaza open example: reconciliation progress review / مراجعة مسار المصالحة',
        'CC BY 4.0, written for the Yaqaza project as an example; not a validated instrument',
$json$
{
  "scales": [
    {"code": "PRESENCE", "levels": [
      {"code": "NOT_EVIDENT", "label": "Not evident", "labelAr": "غير ظاهر"},
      {"code": "PARTLY_EVIDENT", "label": "Partly evident", "labelAr": "ظاهر جزئيا"},
      {"code": "CLEARLY_EVIDENT", "label": "Clearly evident", "labelAr": "ظاهر بوضوح"},
      {"code": "INSUFFICIENT_INFORMATION", "label": "Insufficient information", "labelAr": "معلومات غير كافية"}
    ]}
  ],
  "domains": [
    {"code": "SELF", "title": "Reconciliation with oneself", "titleAr": "المصالحة مع الذات", "indicators": [
      {"code": "SELF_REFLECTION", "scale": "PRESENCE",
       "text": "Talks about own past choices and their consequences in own words",
       "textAr": "يتحدث عن اختياراته السابقة وعواقبها بكلماته الخاصة"},
      {"code": "SELF_REGULATION", "scale": "PRESENCE",
       "text": "Handles disagreement in sessions without hostility",
       "textAr": "يتعامل مع الاختلاف في الجلسات دون عدائية"}
    ]},
    {"code": "TEXT", "title": "Reconciliation with the religious text", "titleAr": "المصالحة مع النص الديني",
     "indicators": [
      {"code": "TEXT_CONTEXT", "scale": "PRESENCE",
       "text": "Reads texts with attention to their context and to scholarly interpretation",
       "textAr": "يقرأ النصوص مع مراعاة سياقها وتفسير العلماء"},
      {"code": "TEXT_PLURALITY", "scale": "PRESENCE",
       "text": "Accepts that legitimate scholars may reach different conclusions",
       "textAr": "يقبل أن العلماء المعتبرين قد يصلون إلى آراء مختلفة"}
    ]},
    {"code": "SOCIETY", "title": "Reconciliation with society", "titleAr": "المصالحة مع المجتمع", "indicators": [
      {"code": "SOCIETY_TIES", "scale": "PRESENCE",
       "text": "Keeps or rebuilds contact with family or community",
       "textAr": "يحافظ على صلته بالأسرة أو المجتمع أو يعيد بناءها"},
      {"code": "SOCIETY_PLANS", "scale": "PRESENCE",
       "text": "Has concrete plans for work, study or housing after release",
       "textAr": "لديه خطط ملموسة للعمل أو الدراسة أو السكن بعد الإفراج"},
      {"code": "SOCIETY_NONVIOLENCE", "scale": "PRESENCE",
       "text": "Rejects violence as a means to settle grievances",
       "textAr": "يرفض العنف وسيلة لحل المظالم"}
    ]}
  ],
  "judgements": [
    "Engagement sustained, continue the programme",
    "Concerns remain, continue with closer follow-up",
    "Serious concerns, refer to the case conference"
  ]
}$json$::jsonb, '2026-01-01T00:00:00Z', 'system:migration');
