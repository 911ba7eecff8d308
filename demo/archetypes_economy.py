"""Story templates for the economic fields: production and business, new rural areas, good
farming households, intellectuals and scientists.

Each archetype is a dict: ``kind`` and ``subject`` (the story's ExemplarKind and SubjectKind);
``collective`` (the collective's name, for collective subjects); ``position``; ``titles``;
``summary``; ``paras`` (paragraphs, the ``heading`` goes before the last two); ``achievements``;
``quote`` (text, and who says it: "subject" or "leader", whose title is ``leader_role``,
by default the commune chair); ``image`` (a motif of images.py);
``numbers`` (name -> (low, high)); ``also`` (a second field, optional); ``sex``, ``young`` and
``honorific`` (who the person is); ``not_before`` (an ISO date: the story mentions later events);
``by`` (the slugs of the provincial units whose sector or members the story is about: they may
tell it), ``districts`` (False when no district-level unit could tell it: a provincial school or
institute), ``seat`` (the subject works at the provincial seat, thành phố Sóc Trăng) and
``district`` (the only district-level unit where the story can happen).
Placeholders: {who}, {Who} / {Who_cap} (capitalised), {name}, {Name}, {place}, {commune},
{Commune_cap}, {commune_name}, {district}, {pronoun}, {Pronoun}, {unit}, {Unit}, {leader},
{since}, {recent} and the numbers.
"""

ECONOMY = {
    "san-xuat-kinh-doanh": [
        {
            "kind": "exemplar",
            "by": ("hoi-nong-dan-tinh", "so-nong-nghiep-va-phat-trien-nong-thon"),
            "subject": "individual",
            "position": "Nông dân sản xuất giỏi, {commune}",
            "titles": [
                "{Who} làm giàu từ mô hình luân canh lúa - tôm",
                "{Who}: thu nhập nửa tỷ đồng mỗi năm nhờ lúa thơm ST",
            ],
            "summary": "Từ vài công ruộng nhiễm mặn, {who} ở {place} mạnh dạn chuyển sang luân canh lúa - tôm "
            "và trồng giống lúa thơm ST. Mỗi năm gia đình thu lãi khoảng {income} triệu đồng và hướng dẫn "
            "kỹ thuật miễn phí cho bà con trong ấp.",
            "paras": [
                "Năm {since}, khi nước mặn xâm nhập sâu vào đồng ruộng {commune}, nhiều hộ bỏ ruộng đi làm thuê. "
                "{Who} quyết định ở lại, vay vốn Ngân hàng Chính sách xã hội để cải tạo {ha} ha đất.",
                "Mùa khô nuôi tôm càng xanh, mùa mưa rửa mặn trồng lúa thơm, {who} giảm được phân thuốc, "
                "còn tôm có thêm nguồn thức ăn tự nhiên. Lúa bán cho doanh nghiệp theo hợp đồng bao tiêu, "
                "giá cao hơn lúa thường từ 1.000 đến 1.500 đồng mỗi ký.",
                "Không giữ nghề cho riêng mình, {who} mở lớp hướng dẫn tại nhà cho hơn {people} lượt nông dân, "
                "giúp nhiều hộ nghèo trong xã có vốn và kỹ thuật để thoát nghèo.",
                "Nhờ đó, {who} nhiều năm liền đạt danh hiệu nông dân sản xuất, kinh doanh giỏi cấp tỉnh.",
            ],
            "heading": "Chia sẻ kinh nghiệm cho bà con",
            "achievements": [
                "Luân canh lúa - tôm trên {ha} ha, lãi bình quân {income} triệu đồng mỗi năm",
                "Hướng dẫn kỹ thuật cho hơn {people} lượt nông dân",
                "Giúp {helped} hộ nghèo vay vốn không lãi để sản xuất",
            ],
            "quote": ("Đất mặn không phải là đất chết, chỉ cần mình chịu học và chịu làm.", "subject"),
            "image": "rice",
            "numbers": {"ha": (3, 12), "income": (250, 600), "people": (80, 400), "helped": (3, 15)},
            "also": "ho-gia-dinh-san-xuat-gioi",
        },
        {
            "kind": "new_model",
            "by": ("so-nong-nghiep-va-phat-trien-nong-thon", "so-ke-hoach-va-dau-tu", "hoi-nong-dan-tinh"),
            "subject": "collective",
            "collective": "Hợp tác xã Nông nghiệp {commune_name}",
            "position": "Hợp tác xã kiểu mới, {district}",
            "titles": [
                "{Name}: liên kết chuỗi giá trị, nâng thu nhập xã viên",
                "Mô hình cánh đồng lớn của {name}",
            ],
            "summary": "{Name} ở {place} tổ chức cho {members} xã viên sản xuất theo cánh đồng lớn, "
            "liên kết với doanh nghiệp bao tiêu. Lợi nhuận của xã viên tăng khoảng 20% so với sản xuất riêng lẻ.",
            "paras": [
                "Thành lập năm {since} với vài chục xã viên, đến nay {name} đã có {members} xã viên, "
                "canh tác tập trung trên {ha} ha.",
                "Hợp tác xã cung ứng giống xác nhận, phân bón trả chậm và dịch vụ cơ giới hóa từ làm đất đến thu hoạch. "
                "Sản phẩm được doanh nghiệp thu mua tại ruộng theo giá ký kết từ đầu vụ.",
                "Ban quản trị công khai tài chính mỗi quý, xã viên được chia lãi theo mức độ sử dụng dịch vụ.",
                "Mô hình đang được {district} nhân rộng ra các xã lân cận.",
            ],
            "heading": "Hướng đi bền vững",
            "achievements": [
                "{members} xã viên, canh tác tập trung {ha} ha",
                "Doanh thu năm gần nhất đạt {revenue} triệu đồng",
                "Sản phẩm gạo đạt chuẩn OCOP 3 sao",
            ],
            "quote": ("Có hợp tác xã, bà con không còn lo bị thương lái ép giá.", "leader"),
            "leader_role": "Giám đốc {name}",
            "image": "cooperative",
            "numbers": {"members": (60, 320), "ha": (80, 600), "revenue": (2500, 18000)},
            "also": "xay-dung-nong-thon-moi",
        },
        {
            "kind": "new_factor",
            "by": ("tinh-doan", "so-cong-thuong"),
            "subject": "individual",
            "young": True,
            "position": "Chủ cơ sở sản xuất, đoàn viên thanh niên {commune}",
            "titles": [
                "{Who} đưa đặc sản quê nhà lên sàn thương mại điện tử",
                "Khởi nghiệp từ bánh pía, {who} tạo việc làm cho {workers} lao động",
            ],
            "summary": "Tốt nghiệp đại học, {who} trở về {place} mở cơ sở chế biến đặc sản và bán hàng qua mạng. "
            "Cơ sở hiện tạo việc làm ổn định cho {workers} lao động địa phương.",
            "paras": [
                "Sau mấy năm làm việc ở Thành phố Hồ Chí Minh, năm {since} {who} quyết định về quê lập nghiệp "
                "với số vốn tích lũy và khoản vay hỗ trợ thanh niên khởi nghiệp.",
                "Cơ sở chế biến bánh pía, lạp xưởng và mắm theo công thức truyền thống, đóng gói có mã QR truy xuất nguồn gốc. "
                "Hàng được bán trên các sàn thương mại điện tử và gửi đi khắp cả nước.",
                "Phần lớn lao động của cơ sở là phụ nữ và thanh niên đồng bào Khmer trong xã, thu nhập từ 5 đến 7 triệu đồng mỗi tháng.",
                "{Who} còn tham gia câu lạc bộ thanh niên khởi nghiệp của tỉnh, hướng dẫn các bạn trẻ cách bán hàng trực tuyến.",
            ],
            "heading": "Tiếp sức cho các bạn trẻ",
            "achievements": [
                "Tạo việc làm cho {workers} lao động địa phương",
                "Doanh thu năm gần nhất khoảng {revenue} triệu đồng",
                "Giải Ba cuộc thi ý tưởng khởi nghiệp của tỉnh",
            ],
            "quote": ("Bán được đặc sản quê mình đi xa là niềm vui lớn nhất.", "subject"),
            "image": "market",
            "numbers": {"workers": (8, 35), "revenue": (800, 4500)},
        },
    ],
    "xay-dung-nong-thon-moi": [
        {
            "kind": "exemplar",
            "by": ("uy-ban-mttq-viet-nam-tinh",),
            "subject": "collective",
            "collective": "Ủy ban nhân dân {commune}",
            "position": "Xã đạt chuẩn nông thôn mới, {district}",
            "titles": [
                "{Commune_cap} về đích nông thôn mới nhờ sức dân",
                "Nông thôn mới ở {commune}: dân biết, dân bàn, dân làm",
            ],
            "summary": "Với cách làm công khai, dân chủ, {commune} đã huy động hơn {money} triệu đồng đóng góp của nhân dân "
            "để làm đường, cầu và nhà văn hóa. Xã đạt chuẩn nông thôn mới với thu nhập bình quân {income} triệu đồng mỗi người mỗi năm.",
            "paras": [
                "Khi bắt đầu xây dựng nông thôn mới, {commune} chỉ đạt 7 trên 19 tiêu chí. Đảng ủy xác định phải lấy người dân làm chủ thể.",
                "Mọi công trình đều được đưa ra bàn ở từng ấp: làm gì trước, làm gì sau, mỗi hộ góp bao nhiêu. "
                "Nhiều hộ tự nguyện hiến đất, dời hàng rào để mở rộng đường giao thông nông thôn.",
                "Đến nay toàn xã có {km} km đường nhựa, bê tông đến tận các ấp; tỷ lệ hộ nghèo giảm còn dưới 3%.",
                "Xã đang tiếp tục phấn đấu đạt chuẩn nông thôn mới nâng cao.",
            ],
            "heading": "Giữ vững và nâng chất các tiêu chí",
            "achievements": [
                "Đạt đủ 19/19 tiêu chí nông thôn mới",
                "Huy động hơn {money} triệu đồng đóng góp của nhân dân",
                "Làm mới và nâng cấp {km} km đường giao thông nông thôn",
            ],
            "quote": ("Nông thôn mới không có điểm dừng; khó mấy cũng phải giữ cho được.", "leader"),
            "image": "road",
            "numbers": {"money": (1200, 9000), "income": (42, 58), "km": (12, 45)},
        },
        {
            "kind": "exemplar",
            "by": ("so-giao-thong-van-tai", "uy-ban-mttq-viet-nam-tinh"),
            "subject": "household",
            "position": "Hộ dân {commune}",
            "titles": [
                "{Who_cap} hiến đất làm đường nông thôn",
                "Tấm lòng của {who} với con đường quê",
            ],
            "summary": "{Who_cap} ở {place} tự nguyện hiến {m2} m² đất và tháo dỡ hàng rào để mở rộng đường liên ấp. "
            "Việc làm của gia đình đã lan tỏa, nhiều hộ trong ấp làm theo.",
            "paras": [
                "Con đường đất nhỏ trước nhà {who} mùa mưa lầy lội, học sinh đi học rất vất vả.",
                "Khi xã vận động mở rộng đường, gia đình là hộ đầu tiên ký giấy hiến đất, dời cả hàng cây ăn trái đã cho thu hoạch.",
                "Từ tấm gương ấy, {helped} hộ khác trong ấp cũng hiến đất, con đường bê tông rộng 3,5 mét được hoàn thành chỉ sau một mùa khô.",
            ],
            "heading": "Đường mới, đời sống mới",
            "achievements": [
                "Hiến {m2} m² đất làm đường giao thông nông thôn",
                "Vận động {helped} hộ lân cận cùng hiến đất",
                "Nhiều năm liền đạt danh hiệu Gia đình văn hóa",
            ],
            "quote": ("Đường rộng thì con cháu đi học an toàn, mình mất chút đất có sao đâu.", "subject"),
            "image": "road",
            "numbers": {"m2": (120, 900), "helped": (6, 40)},
            "also": "nguoi-tot-viec-tot",
        },
        {
            "kind": "new_model",
            "by": ("so-tai-nguyen-va-moi-truong",),
            "subject": "collective",
            "collective": "Tổ tự quản môi trường {commune}",
            "position": "Mô hình tự quản, {district}",
            "titles": [
                "Tuyến đường hoa và mô hình tự quản môi trường ở {commune}",
                "{Name}: xanh, sạch, đẹp từ mỗi nhà",
            ],
            "summary": "{Name} vận động {households} hộ phân loại rác tại nguồn, trồng hoa và cây xanh hai bên đường. "
            "Mô hình góp phần giúp {commune} giữ vững tiêu chí môi trường trong xây dựng nông thôn mới.",
            "paras": [
                "Tổ được thành lập năm {since} theo sáng kiến của Chi hội Phụ nữ và Chi đoàn thanh niên.",
                "Mỗi tháng, các thành viên tổ chức ngày chủ nhật xanh, thu gom rác thải nhựa, vớt lục bình trên kênh rạch.",
                "Rác hữu cơ được ủ làm phân bón cho vườn nhà, rác tái chế bán lấy tiền giúp học sinh nghèo.",
            ],
            "heading": "Lan tỏa trong cộng đồng",
            "achievements": [
                "{households} hộ tham gia phân loại rác tại nguồn",
                "Trồng {km} km tuyến đường hoa",
                "Quỹ từ rác tái chế giúp {helped} học sinh nghèo",
            ],
            "quote": ("Giữ đường làng sạch đẹp là việc của mỗi nhà.", "leader"),
            "leader_role": "Tổ trưởng {name}",
            "image": "road",
            "numbers": {"households": (60, 400), "km": (2, 9), "helped": (10, 60)},
        },
    ],
    "ho-gia-dinh-san-xuat-gioi": [
        {
            "kind": "exemplar",
            "by": ("hoi-nong-dan-tinh", "so-nong-nghiep-va-phat-trien-nong-thon"),
            "subject": "household",
            "position": "Hộ sản xuất giỏi, {commune}",
            "titles": [
                "{Who_cap} làm giàu từ vườn cây ăn trái",
                "Vườn bưởi, sầu riêng của {who}",
            ],
            "summary": "Từ mảnh vườn tạp, {who} ở {place} cải tạo thành {ha} ha vườn chuyên canh cây ăn trái đạt chuẩn VietGAP. "
            "Mỗi năm gia đình thu lãi khoảng {income} triệu đồng.",
            "paras": [
                "Trước năm {since}, vườn nhà trồng đủ loại cây nhưng thu nhập thấp. Gia đình mạnh dạn đốn bỏ cây kém hiệu quả.",
                "Nhờ tham gia các lớp tập huấn của Hội Nông dân, gia đình áp dụng tưới tiết kiệm, "
                "bón phân hữu cơ và bao trái để giảm sâu bệnh.",
                "Trái cây được các hợp tác xã và thương lái thu mua ổn định, một phần xuất khẩu.",
                "Gia đình thường xuyên giúp giống, giúp công cho các hộ khó khăn trong ấp.",
            ],
            "heading": "Làm giàu chính đáng",
            "achievements": [
                "{ha} ha vườn cây ăn trái đạt chuẩn VietGAP",
                "Lãi bình quân {income} triệu đồng mỗi năm",
                "Giúp {helped} hộ khó khăn có cây giống và vốn sản xuất",
            ],
            "quote": ("Cây trái cũng như con người, mình chăm kỹ thì nó đáp lại.", "subject"),
            "image": "orchard",
            "numbers": {"ha": (2, 6), "income": (200, 700), "helped": (3, 12)},
        },
        {
            "kind": "new_model",
            "by": ("hoi-nong-dan-tinh", "so-nong-nghiep-va-phat-trien-nong-thon"),
            "subject": "household",
            "position": "Hộ nuôi trồng thủy sản, {commune}",
            "titles": [
                "Mô hình nuôi tôm ứng dụng công nghệ cao của {who}",
                "{Who_cap} nuôi tôm nhà màng, giảm rủi ro dịch bệnh",
            ],
            "summary": "{Who_cap} ở {place} là một trong những hộ đầu tiên nuôi tôm thẻ chân trắng trong nhà màng, hai giai đoạn. "
            "Tỷ lệ thành công trên 90%, lợi nhuận gấp đôi cách nuôi cũ.",
            "paras": [
                "Vùng ven biển {district} có thế mạnh nuôi tôm nhưng dịch bệnh và thời tiết thất thường khiến nhiều hộ thua lỗ.",
                "Năm {since}, gia đình đầu tư ao lót bạt, nhà màng và hệ thống xử lý nước tuần hoàn, "
                "ương tôm giống trong ao nhỏ trước khi thả ra ao nuôi lớn.",
                "Mỗi năm gia đình nuôi được ba vụ, sản lượng khoảng {tons} tấn, tạo việc làm cho {workers} lao động.",
            ],
            "heading": "Nhân rộng mô hình",
            "achievements": [
                "Tỷ lệ nuôi thành công trên 90%",
                "Sản lượng khoảng {tons} tấn tôm mỗi năm",
                "Tạo việc làm cho {workers} lao động địa phương",
            ],
            "quote": ("Nuôi tôm bây giờ phải ghi chép như làm khoa học.", "subject"),
            "image": "shrimp",
            "numbers": {"tons": (12, 60), "workers": (4, 15)},
            "also": "san-xuat-kinh-doanh",
        },
    ],
    "nhan-si-tri-thuc-nha-khoa-hoc": [
        {
            "kind": "exemplar",
            "by": ("so-nong-nghiep-va-phat-trien-nong-thon", "so-khoa-hoc-va-cong-nghe"),
            "districts": False,
            "subject": "individual",
            "position": "Kỹ sư nông nghiệp, Trung tâm Khuyến nông tỉnh",
            "titles": [
                "Kỹ sư {name} và hành trình chọn tạo giống lúa chịu mặn",
                "{Who} - người mang khoa học xuống đồng ruộng",
            ],
            "summary": "Hơn {years} năm gắn bó với đồng ruộng, kỹ sư {name} đã chủ trì và tham gia {projects} đề tài khoa học "
            "về giống lúa chịu mặn. Các giống lúa được nông dân {district} đón nhận, năng suất tăng rõ rệt.",
            "paras": [
                "Sinh ra trong một gia đình nông dân ở {place}, {who} sớm thấu hiểu nỗi vất vả của người trồng lúa khi mặn xâm nhập.",
                "Từ năm {since}, {who} cùng các đồng nghiệp khảo nghiệm hàng trăm dòng lúa, chọn ra những giống chịu mặn, "
                "thơm ngon, phù hợp với đất phèn mặn của tỉnh.",
                "Không chỉ ở phòng thí nghiệm, {who} thường xuyên xuống ruộng, mở các lớp tập huấn và xây dựng ruộng trình diễn.",
                "Nhiều sáng kiến của {who} đã được Hội đồng khoa học tỉnh công nhận và nhân rộng.",
            ],
            "heading": "Khoa học phục vụ nhà nông",
            "achievements": [
                "Chủ trì và tham gia {projects} đề tài khoa học cấp tỉnh",
                "Giống lúa chịu mặn được gieo trồng trên hơn {ha} ha",
                "{initiatives} sáng kiến được công nhận có phạm vi ảnh hưởng cấp tỉnh",
            ],
            "quote": ("Đề tài chỉ có giá trị khi nông dân dùng được.", "subject"),
            "image": "lab",
            "numbers": {"years": (15, 30), "projects": (4, 12), "ha": (2000, 15000), "initiatives": (2, 6)},
            "also": "san-xuat-kinh-doanh",
        },
        {
            "kind": "new_model",
            "by": ("so-khoa-hoc-va-cong-nghe",),
            "districts": False,
            "subject": "collective",
            "collective": "Nhóm nghiên cứu ứng dụng công nghệ sinh học, Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
            "position": "Tập thể khoa học, tỉnh Sóc Trăng",
            "titles": [
                "Chế phẩm vi sinh xử lý rơm rạ: mô hình mới của {name}",
                "Từ phòng thí nghiệm đến ruộng lúa {district}",
            ],
            "summary": "{Name} đã nghiên cứu thành công chế phẩm vi sinh xử lý rơm rạ thành phân hữu cơ ngay trên ruộng. "
            "Mô hình giúp nông dân giảm chi phí phân bón và hạn chế đốt đồng.",
            "paras": [
                "Mỗi vụ lúa, hàng nghìn tấn rơm rạ bị đốt bỏ trên đồng, gây ô nhiễm và lãng phí.",
                "Từ năm {since}, nhóm nghiên cứu phân lập các chủng vi sinh bản địa, sản xuất chế phẩm giá rẻ và hướng dẫn nông dân tự ủ.",
                "Thử nghiệm tại {place} cho thấy chi phí phân bón giảm khoảng 15%, đất tơi xốp hơn sau vài vụ.",
            ],
            "heading": "Nhân rộng ra các huyện",
            "achievements": [
                "Chuyển giao chế phẩm cho hơn {households} hộ nông dân",
                "Giảm khoảng 15% chi phí phân bón",
                "Đề tài được nghiệm thu đạt loại xuất sắc",
            ],
            "quote": ("Rơm rạ là tài nguyên, không phải rác.", "leader"),
            "leader_role": "Trưởng nhóm nghiên cứu",
            "image": "lab",
            "numbers": {"households": (300, 2500)},
        },
    ],
}
