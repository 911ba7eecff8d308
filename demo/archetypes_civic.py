"""Story templates for building the Party and mass organisations, following Hồ Chí Minh's
example, and defence and security. The format is described in archetypes_economy.py."""

CIVIC = {
    "xay-dung-dang-doan-the": [
        {
            "kind": "exemplar",
            "by": (),
            "subject": "collective",
            "collective": "Đảng bộ {commune}",
            "position": "Tổ chức cơ sở đảng trong sạch, vững mạnh, {district}",
            "titles": ["{Name}: nhiều năm liền trong sạch, vững mạnh", "Nâng chất sinh hoạt chi bộ ở {commune}"],
            "summary": "{Name} có {members} đảng viên, sinh hoạt ở {cells} chi bộ. Nhờ đổi mới nội dung sinh hoạt và "
            "phân công đảng viên phụ trách hộ, Đảng bộ nhiều năm liền hoàn thành xuất sắc nhiệm vụ.",
            "paras": [
                "Từ năm {since}, Đảng ủy chỉ đạo các chi bộ sinh hoạt chuyên đề mỗi quý, chọn những việc thiết thực của ấp để bàn.",
                "Mỗi đảng viên phụ trách từ 10 đến 15 hộ, nắm tình hình và vận động bà con thực hiện chủ trương của Đảng.",
                "Công tác phát triển đảng viên được chú trọng, nhất là trong đoàn viên thanh niên và người dân tộc Khmer.",
            ],
            "heading": "Đảng viên đi trước, làng nước theo sau",
            "achievements": [
                "Nhiều năm liền đạt trong sạch, vững mạnh",
                "Kết nạp {new} đảng viên mới trong hai năm",
                "Không có đảng viên vi phạm kỷ luật",
            ],
            "quote": ("Sinh hoạt chi bộ phải bàn việc của dân, không hình thức.", "leader"),
            "leader_role": "Bí thư Đảng ủy {commune}",
            "image": "meeting",
            "numbers": {"members": (120, 300), "cells": (8, 15), "new": (8, 30)},
        },
        {
            "kind": "new_model",
            "by": ("hoi-lien-hiep-phu-nu-tinh",),
            "subject": "collective",
            "collective": "Chi hội Phụ nữ {commune}",
            "position": "Chi hội phụ nữ, {district}",
            "titles": ["Mô hình tổ tiết kiệm xoay vòng của {name}", "{Name}: giúp nhau thoát nghèo từ tổ tiết kiệm"],
            "summary": "{Name} thành lập tổ tiết kiệm xoay vòng với {members} hội viên, mỗi tháng góp một ít tiền để các chị "
            "lần lượt có vốn làm ăn. Đã có {helped} hộ hội viên thoát nghèo nhờ mô hình.",
            "paras": [
                "Nhiều chị em nghèo muốn chăn nuôi, buôn bán nhỏ nhưng không có vốn, phải vay nặng lãi.",
                "Năm {since}, chi hội vận động lập tổ tiết kiệm: mỗi thành viên góp 100.000 đồng mỗi tháng, "
                "số tiền được trao lần lượt cho người khó khăn nhất, không tính lãi.",
                "Sinh hoạt tổ còn là dịp chị em chia sẻ kinh nghiệm làm ăn, nuôi dạy con.",
            ],
            "heading": "Phụ nữ giúp nhau làm kinh tế",
            "achievements": [
                "{members} hội viên tham gia tổ tiết kiệm",
                "{helped} hộ thoát nghèo",
                "Chi hội vững mạnh tiêu biểu của Hội Liên hiệp Phụ nữ tỉnh",
            ],
            "quote": ("Góp gió thành bão, chị em mình giúp nhau là được.", "leader"),
            "leader_role": "Chi hội trưởng {name}",
            "image": "meeting",
            "numbers": {"members": (25, 70), "helped": (5, 25)},
            "also": "san-xuat-kinh-doanh",
        },
        {
            "kind": "new_factor",
            "by": ("tinh-doan",),
            "subject": "individual",
            "young": True,
            "position": "Bí thư Chi đoàn, {commune}",
            "titles": ["{Who}: thủ lĩnh thanh niên năng động", "Bí thư chi đoàn {name} và những công trình thanh niên"],
            "summary": "Là bí thư chi đoàn trẻ nhất {district}, {who} đã cùng đoàn viên thực hiện {works} công trình thanh niên "
            "như thắp sáng đường quê, sửa nhà cho hộ nghèo và lớp học tình thương.",
            "paras": [
                "Được bầu làm bí thư chi đoàn năm {since}, {who} bắt đầu từ việc đến từng nhà tìm hiểu hoàn cảnh đoàn viên.",
                "Chi đoàn tổ chức các đợt tình nguyện hè, lắp đèn năng lượng mặt trời trên các tuyến đường tối.",
                "{Who} còn mở nhóm trực tuyến hướng dẫn thanh niên nông thôn học nghề, tìm việc làm.",
            ],
            "heading": "Tuổi trẻ xung kích",
            "achievements": [
                "Thực hiện {works} công trình thanh niên",
                "Giải thưởng Lý Tự Trọng",
                "Chi đoàn vững mạnh xuất sắc",
            ],
            "quote": ("Thanh niên phải đi đầu, việc nhỏ làm từ hôm nay.", "subject"),
            "image": "volunteer",
            "numbers": {"works": (4, 15)},
        },
    ],
    "hoc-tap-va-lam-theo-bac": [
        {
            "kind": "exemplar",
            "by": ("uy-ban-mttq-viet-nam-tinh",),
            "subject": "individual",
            "position": "Chủ tịch Ủy ban MTTQ Việt Nam {commune}",
            "titles": ["{Who}: làm theo lời Bác từ những việc bình thường", "Học Bác, {who} gần dân, sát dân"],
            "summary": "Nhiều năm làm công tác Mặt trận ở {place}, {who} luôn gần dân, lắng nghe dân và vận động "
            "xây dựng {houses} căn nhà đại đoàn kết cho hộ nghèo.",
            "paras": [
                "Với {who}, học tập và làm theo Bác là làm tốt những việc nhỏ, thường ngày.",
                "Từ năm {since}, {who} đi từng ấp, gặp từng hộ khó khăn để tìm cách hỗ trợ phù hợp.",
                "{Who} vận động doanh nghiệp, nhà hảo tâm và chính bà con trong ấp cùng góp công, góp của làm nhà cho hộ nghèo.",
                "Phong cách giản dị, nói đi đôi với làm của {who} được cán bộ và nhân dân trong xã noi theo.",
            ],
            "heading": "Nói đi đôi với làm",
            "achievements": [
                "Vận động xây dựng {houses} căn nhà đại đoàn kết",
                "Điển hình học tập và làm theo Bác cấp tỉnh",
                "{years} năm liền hoàn thành xuất sắc nhiệm vụ",
            ],
            "quote": ("Dân tin thì việc gì cũng làm được.", "subject"),
            "image": "meeting",
            "numbers": {"houses": (10, 60), "years": (5, 15)},
            "also": "nguoi-tot-viec-tot",
        },
        {
            "kind": "exemplar",
            "by": (),
            "subject": "collective",
            "collective": "Bộ phận tiếp nhận và trả kết quả {district}",
            "position": "Bộ phận một cửa, {district}",
            "titles": [
                "{Name}: thân thiện, đúng hẹn, không phiền hà",
                "Học Bác, cán bộ một cửa {district} tận tình với dân",
            ],
            "summary": "{Name} giải quyết đúng hạn trên 99% hồ sơ, tiếp nhận hồ sơ trực tuyến và trả kết quả qua bưu điện. "
            "Người dân đánh giá mức độ hài lòng đạt {percent}%.",
            "paras": [
                "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị, tập thể cán bộ một cửa xây dựng quy tắc ứng xử: "
                "chào hỏi, hướng dẫn tận tình, không để người dân đi lại nhiều lần.",
                "Từ năm {since}, bộ phận áp dụng phần mềm một cửa điện tử, người dân có thể theo dõi hồ sơ qua điện thoại.",
                "Những hồ sơ khó được lãnh đạo huyện trực tiếp xem xét, trả lời bằng văn bản đúng thời hạn.",
            ],
            "heading": "Lấy sự hài lòng của người dân làm thước đo",
            "achievements": [
                "Trên 99% hồ sơ giải quyết đúng hạn",
                "Mức độ hài lòng của người dân đạt {percent}%",
                "Tập thể lao động xuất sắc",
            ],
            "quote": ("Người dân đến làm thủ tục phải được đón tiếp như người nhà.", "leader"),
            "leader_role": "Phó Chủ tịch UBND {district}",
            "image": "meeting",
            "numbers": {"percent": (92, 99)},
        },
    ],
    "quoc-phong-an-ninh": [
        {
            "kind": "exemplar",
            "by": (),
            "subject": "individual",
            "position": "Trưởng Công an {commune}",
            "not_before": "2020-03-01",
            "titles": [
                "Trưởng Công an xã {name}: giữ bình yên cho dân",
                "{Who} và phong trào toàn dân bảo vệ an ninh Tổ quốc",
            ],
            "summary": "Từ khi công an chính quy về xã, {who} cùng đồng đội đã kéo giảm {percent}% số vụ phạm pháp hình sự ở {place}. "
            "Phong trào toàn dân bảo vệ an ninh Tổ quốc của xã được xếp loại khá, tốt.",
            "paras": [
                "Năm {since}, {who} được điều động về {commune} khi tình hình trộm cắp tài sản còn phức tạp.",
                "Đơn vị xây dựng các tổ tự quản, camera an ninh ở những tuyến đường chính, phối hợp với người có uy tín để nắm tình hình.",
                "Trong mùa dịch Covid-19, công an xã trực chốt ngày đêm, hỗ trợ người dân từ các tỉnh trở về quê an toàn.",
            ],
            "heading": "Vì nhân dân phục vụ",
            "achievements": [
                "Kéo giảm {percent}% số vụ phạm pháp hình sự",
                "Lắp đặt {cameras} camera an ninh với sự đóng góp của nhân dân",
                "Chiến sĩ thi đua cơ sở nhiều năm liền",
            ],
            "quote": ("Dân có an thì mình mới yên tâm.", "subject"),
            "image": "police",
            "numbers": {"percent": (20, 45), "cameras": (12, 60)},
        },
        {
            "kind": "new_model",
            "by": (),
            "subject": "collective",
            "collective": "Tổ tự quản an ninh trật tự ven sông {commune_name}",
            "position": "Mô hình tự quản, {district}",
            "titles": ["{Name}: mô hình tự quản hiệu quả", "Camera an ninh và tổ tự quản ven sông ở {commune}"],
            "summary": "{Name} gồm {members} thành viên, thay phiên tuần tra tuyến sông và bến đò. "
            "Từ khi có mô hình, tình trạng trộm cắp ghe xuồng, máy bơm trên địa bàn gần như không còn.",
            "paras": [
                "Tổ được thành lập năm {since} theo sáng kiến của Công an xã và Ban nhân dân ấp.",
                "Các thành viên là ngư dân, nông dân sống ven sông, tự nguyện tuần tra ban đêm, báo tin qua nhóm điện thoại.",
                "Mô hình đã được Công an tỉnh đánh giá cao và đề nghị nhân rộng ra các xã ven sông Hậu.",
            ],
            "heading": "Dân giữ bình yên cho dân",
            "achievements": [
                "{members} thành viên tuần tra thường xuyên",
                "Phát hiện, cung cấp {tips} nguồn tin về tội phạm",
                "Tập thể có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc",
            ],
            "quote": ("Có tổ tự quản, bà con ngủ yên giấc.", "leader"),
            "leader_role": "Tổ trưởng {name}",
            "image": "river",
            "numbers": {"members": (10, 30), "tips": (5, 30)},
        },
        {
            "kind": "exemplar",
            "by": ("so-lao-dong-thuong-binh-va-xa-hoi", "hoi-cuu-chien-binh-tinh"),
            "subject": "household",
            "position": "Gia đình chính sách, {commune}",
            "titles": ["{Who_cap}: ba thế hệ tòng quân", "Truyền thống cách mạng của {who}"],
            "summary": "{Who_cap} ở {place} có ba thế hệ tham gia quân đội. Gia đình luôn gương mẫu chấp hành chính sách, "
            "động viên con cháu lên đường nhập ngũ và giúp đỡ các gia đình chính sách khó khăn.",
            "paras": [
                "Người cha từng tham gia kháng chiến, người con là bộ đội biên phòng, người cháu lên đường nhập ngũ năm {recent}.",
                "Gia đình làm kinh tế giỏi, dành một phần thu nhập giúp các cựu chiến binh nghèo trong xã.",
                "Mỗi dịp giao quân, gia đình lại là nơi các tân binh đến nghe kể chuyện truyền thống.",
            ],
            "heading": "Tiếp nối truyền thống",
            "achievements": [
                "Ba thế hệ tham gia quân đội",
                "Gia đình văn hóa tiêu biểu",
                "Giúp đỡ {helped} gia đình chính sách khó khăn",
            ],
            "quote": ("Nhà mình có truyền thống, con cháu phải giữ.", "subject"),
            "image": "police",
            "numbers": {"helped": (3, 12)},
        },
    ],
}
