"""Story templates for good people and good deeds, teaching and learning, medical ethics, and
culture and society. The format is described in archetypes_economy.py."""

SOCIETY = {
    "nguoi-tot-viec-tot": [
        {
            "kind": "exemplar",
            "subject": "individual",
            "position": "Thành viên Hội Cựu chiến binh {commune}",
            "titles": [
                "{Who} và chiếc xe chở miễn phí bệnh nhân nghèo",
                "Hơn {years} năm {who} lặng lẽ làm việc thiện",
            ],
            "summary": "Hơn {years} năm qua, {who} ở {place} dùng xe của gia đình chở miễn phí bệnh nhân nghèo đi viện "
            "và vận động quyên góp xây cầu, tặng quà. Việc làm thầm lặng ấy được bà con trong xã quý mến.",
            "paras": [
                "Sau khi nghỉ hưu năm {since}, {who} dành phần lớn thời gian cho công tác xã hội ở địa phương.",
                "Ngày cũng như đêm, hễ có người bệnh cần đi Bệnh viện Đa khoa tỉnh, {who} đều sẵn sàng đưa đi, không lấy tiền.",
                "{Who} còn vận động các nhà hảo tâm xây {bridges} cây cầu bê tông, tặng hàng trăm phần quà cho hộ nghèo dịp Tết.",
                "Với {who}, được giúp người là niềm vui của tuổi già.",
            ],
            "heading": "Niềm vui được giúp người",
            "achievements": [
                "Chở miễn phí hơn {trips} lượt bệnh nhân nghèo",
                "Vận động xây dựng {bridges} cây cầu nông thôn",
                "Trao tặng hơn {gifts} phần quà cho hộ nghèo",
            ],
            "quote": ("Mình còn sức thì còn giúp, có gì đâu mà kể.", "subject"),
            "image": "volunteer",
            "numbers": {"years": (8, 20), "trips": (500, 3000), "bridges": (2, 9), "gifts": (200, 1500)},
        },
        {
            "kind": "new_factor",
            "subject": "individual",
            "young": True,
            "honorific": "em",
            "position": "Học sinh lớp 11, Trường THPT {commune_name}",
            "titles": [
                "Nhặt được {money} triệu đồng, {who} tìm người trả lại",
                "{Who}: tấm gương học sinh thật thà",
            ],
            "summary": "Trên đường đi học về, {who} nhặt được chiếc túi có {money} triệu đồng và giấy tờ tùy thân. "
            "Em đã nhờ Công an {commune} tìm và trả lại cho người đánh rơi.",
            "paras": [
                "Chiều hôm ấy, trên tuyến đường qua {commune}, {who} thấy một chiếc túi vải rơi bên lề đường.",
                "Bên trong có {money} triệu đồng là tiền bán lúa của một gia đình nghèo. Em mang ngay đến trụ sở Công an xã.",
                "Người mất đã nhận lại đủ số tiền. Nhà trường và Đoàn trường tuyên dương em trước toàn trường.",
            ],
            "heading": "Được tuyên dương trước toàn trường",
            "achievements": [
                "Trả lại {money} triệu đồng cho người đánh rơi",
                "Nhiều năm liền đạt danh hiệu học sinh giỏi",
                "Được Tỉnh Đoàn tặng Giấy khen",
            ],
            "quote": ("Của rơi thì phải trả lại người mất, ba mẹ em dạy vậy.", "subject"),
            "image": "school",
            "numbers": {"money": (15, 90)},
        },
        {
            "kind": "exemplar",
            "subject": "household",
            "position": "Hộ kinh doanh, {commune}",
            "not_before": "2020-03-01",
            "titles": ["Bếp cơm từ thiện của {who}", "{Who_cap} và những suất cơm miễn phí"],
            "summary": "Mỗi ngày, {who} ở {place} nấu hàng trăm suất cơm miễn phí cho bệnh nhân và người lao động nghèo. "
            "Trong mùa dịch Covid-19, bếp cơm còn gửi hàng nghìn phần ăn đến các khu cách ly.",
            "paras": [
                "Bếp cơm bắt đầu từ năm {since} với vài chục suất mỗi ngày, do cả gia đình góp tiền và góp công.",
                "Dần dần, nhiều người trong xóm cùng góp gạo, rau, có người đến phụ nấu từ sáng sớm.",
                "Năm 2020, khi dịch Covid-19 bùng phát, bếp cơm nấu thêm cho lực lượng làm nhiệm vụ tại các chốt kiểm soát.",
            ],
            "heading": "Chung tay trong mùa dịch",
            "achievements": [
                "Nấu hơn {meals} suất cơm miễn phí mỗi năm",
                "Hỗ trợ các khu cách ly trong mùa dịch Covid-19",
                "Gia đình văn hóa tiêu biểu nhiều năm liền",
            ],
            "quote": ("Một bữa cơm no có khi giúp người ta vượt qua cơn bệnh.", "subject"),
            "image": "volunteer",
            "numbers": {"meals": (20000, 80000)},
            "also": "van-hoa-xa-hoi",
        },
    ],
    "day-tot-hoc-tot": [
        {
            "kind": "exemplar",
            "subject": "individual",
            "sex": "f",
            "honorific": "cô",
            "position": "Giáo viên Trường Tiểu học {commune_name}",
            "titles": ["Cô giáo {name}: {years} năm gieo chữ vùng sâu", "{Who} và lớp học song ngữ Việt - Khmer"],
            "summary": "Gắn bó {years} năm với học trò vùng đồng bào Khmer ở {place}, {who} luôn tìm cách dạy song ngữ "
            "để các em bớt bỡ ngỡ khi vào lớp Một. Nhiều năm liền lớp của cô có tỷ lệ học sinh lên lớp đạt 100%.",
            "paras": [
                "Ra trường năm {since}, {who} nhận công tác ở {commune}, nơi phần lớn học sinh là con em đồng bào Khmer.",
                "Cô học thêm tiếng Khmer, làm đồ dùng dạy học từ vật liệu quen thuộc như vỏ ốc, lá dừa, que tre.",
                "Những ngày mưa lũ, cô đến từng nhà vận động học sinh ra lớp, xin áo quần, tập vở cho các em nghèo.",
                "Nhiều học trò của cô nay đã là giáo viên, bác sĩ trở về phục vụ quê hương.",
            ],
            "heading": "Không để học trò nào bỏ học",
            "achievements": [
                "{years} năm liền hoàn thành xuất sắc nhiệm vụ",
                "Giáo viên dạy giỏi cấp tỉnh",
                "{initiatives} sáng kiến kinh nghiệm được công nhận",
            ],
            "quote": ("Mỗi em đến lớp đều đặn là niềm vui lớn nhất của giáo viên vùng sâu.", "subject"),
            "image": "school",
            "numbers": {"years": (12, 28), "initiatives": (2, 7)},
        },
        {
            "kind": "exemplar",
            "subject": "collective",
            "collective": "Trường Trung học cơ sở {commune_name}",
            "position": "Trường đạt chuẩn quốc gia, {district}",
            "titles": ["{Name}: điểm sáng dạy tốt - học tốt", "Bí quyết nâng chất lượng của {name}"],
            "summary": "{Name} ở {place} duy trì tỷ lệ học sinh lên lớp trên 98% và có {students} học sinh giỏi cấp tỉnh "
            "trong hai năm học gần đây. Trường được công nhận đạt chuẩn quốc gia.",
            "paras": [
                "Trường có {teachers} giáo viên, phần lớn đạt trình độ trên chuẩn.",
                "Ban giám hiệu tổ chức sinh hoạt chuyên môn theo nghiên cứu bài học, giáo viên dự giờ, góp ý lẫn nhau.",
                "Phong trào khuyến học được phụ huynh hưởng ứng, mỗi năm trao hàng chục suất học bổng cho học sinh nghèo vượt khó.",
            ],
            "heading": "Chung tay cùng phụ huynh",
            "achievements": [
                "Tỷ lệ học sinh lên lớp trên 98%",
                "{students} học sinh giỏi cấp tỉnh",
                "Trường đạt chuẩn quốc gia mức độ 1",
            ],
            "quote": ("Thầy cô đổi mới thì học trò mới say mê.", "leader"),
            "leader_role": "Hiệu trưởng {name}",
            "image": "school",
            "numbers": {"students": (8, 40), "teachers": (30, 70)},
        },
        {
            "kind": "new_factor",
            "subject": "individual",
            "young": True,
            "honorific": "em",
            "position": "Học sinh Trường THPT chuyên Nguyễn Thị Minh Khai",
            "titles": ["{Who} đoạt giải học sinh giỏi quốc gia", "Học trò nghèo đam mê hóa học: {who}"],
            "summary": "Con một gia đình làm ruộng ở {place}, {who} vượt khó học giỏi và đoạt giải Ba kỳ thi học sinh giỏi quốc gia. "
            "Em là tấm gương học tập của học sinh toàn tỉnh.",
            "paras": [
                "Nhà nghèo, ngoài giờ học {who} phụ cha mẹ làm ruộng, buổi tối mới có thời gian ôn bài.",
                "Thầy cô phát hiện năng khiếu của em từ cấp hai, giúp em có thêm sách vở và tài liệu.",
                "Em mơ ước trở thành kỹ sư để về làm việc ở quê nhà.",
            ],
            "heading": "Ước mơ trở về quê hương",
            "achievements": ["Giải Ba học sinh giỏi quốc gia", "Học sinh giỏi toàn diện nhiều năm liền"],
            "quote": ("Em muốn học thật giỏi để sau này giúp quê mình.", "subject"),
            "image": "school",
            "numbers": {},
        },
    ],
    "y-duc": [
        {
            "kind": "exemplar",
            "subject": "individual",
            "position": "Bác sĩ, Trung tâm Y tế {district}",
            "titles": ["Bác sĩ {name}: tận tụy vì người bệnh", "{Who} - người thầy thuốc tận tụy của {district}"],
            "summary": "Hơn {years} năm công tác, bác sĩ {name} đã trực tiếp cứu chữa hàng nghìn ca cấp cứu ở {district}. "
            "{Pronoun} không nhận quà biếu, thường góp tiền mua thuốc cho bệnh nhân nghèo.",
            "paras": [
                "Tốt nghiệp Trường Đại học Y Dược Cần Thơ năm {since}, {who} xin về công tác tại quê nhà.",
                "Những năm đầu, thiếu trang thiết bị, {who} cùng đồng nghiệp vừa khám chữa bệnh vừa tự học thêm các kỹ thuật mới.",
                "{Who} đã triển khai {techniques} kỹ thuật mới, giúp người dân không phải chuyển lên tuyến trên.",
                "Đồng nghiệp quý {who} ở sự tận tụy, người bệnh nhớ {pronoun} ở nụ cười và lời động viên.",
            ],
            "heading": "Lương y như từ mẫu",
            "achievements": [
                "Triển khai {techniques} kỹ thuật mới tại tuyến huyện",
                "Thầy thuốc ưu tú",
                "Chiến sĩ thi đua cấp tỉnh",
            ],
            "quote": ("Người bệnh đến với mình lúc khó khăn nhất, mình phải tận tâm.", "subject"),
            "image": "clinic",
            "numbers": {"years": (10, 30), "techniques": (3, 12)},
        },
        {
            "kind": "new_model",
            "subject": "collective",
            "collective": "Trạm Y tế {commune}",
            "position": "Trạm y tế đạt chuẩn quốc gia, {district}",
            "not_before": "2020-03-01",
            "titles": ["{Name}: khám chữa bệnh bằng hồ sơ sức khỏe điện tử", "Mô hình bác sĩ gia đình ở {commune}"],
            "summary": "{Name} lập hồ sơ sức khỏe điện tử cho {percent}% dân số và khám, tư vấn tại nhà cho người cao tuổi. "
            "Mô hình giúp giảm tình trạng quá tải ở tuyến trên.",
            "paras": [
                "Từ năm {since}, trạm được chọn làm điểm triển khai mô hình bác sĩ gia đình tại {district}.",
                "Mỗi hộ có một nhân viên y tế phụ trách, theo dõi bệnh mạn tính như tăng huyết áp, đái tháo đường.",
                "Trong mùa dịch Covid-19, trạm đã phối hợp tổ Covid cộng đồng theo dõi sức khỏe từng hộ.",
            ],
            "heading": "Chăm sóc sức khỏe tận nhà",
            "achievements": [
                "Lập hồ sơ sức khỏe điện tử cho {percent}% dân số",
                "Quản lý {patients} người bệnh mạn tính tại tuyến xã",
                "Trạm y tế đạt Bộ tiêu chí quốc gia về y tế xã",
            ],
            "quote": ("Người dân tin trạm y tế thì mới không phải lên tuyến trên.", "leader"),
            "leader_role": "Trưởng {name}",
            "image": "clinic",
            "numbers": {"percent": (85, 99), "patients": (150, 900)},
        },
    ],
    "van-hoa-xa-hoi": [
        {
            "kind": "new_model",
            "subject": "collective",
            "collective": "Câu lạc bộ Dù kê {commune_name}",
            "position": "Câu lạc bộ nghệ thuật truyền thống Khmer, {district}",
            "titles": ["{Name}: giữ lửa nghệ thuật Dù kê", "Nghệ thuật Dù kê hồi sinh ở {commune}"],
            "summary": "{Name} ở {place} quy tụ {members} diễn viên không chuyên, biểu diễn phục vụ bà con trong các dịp lễ "
            "Chôl Chnăm Thmây, Sen Đôn ta, Ok Om Bok. Câu lạc bộ còn dạy hát, múa cho thiếu nhi.",
            "paras": [
                "Dù kê là loại hình sân khấu truyền thống của đồng bào Khmer Nam Bộ, có nguồn gốc từ chính Sóc Trăng.",
                "Năm {since}, các nghệ nhân lớn tuổi cùng thanh niên trong phum sóc thành lập câu lạc bộ.",
                "Mỗi năm câu lạc bộ dựng {plays} vở mới, lồng ghép tuyên truyền pháp luật, phòng chống ma túy.",
            ],
            "heading": "Truyền nghề cho lớp trẻ",
            "achievements": [
                "{members} thành viên, {plays} vở diễn mới mỗi năm",
                "Huy chương Vàng Liên hoan sân khấu Dù kê toàn tỉnh",
                "Dạy hát, múa truyền thống cho hơn {children} em thiếu nhi",
            ],
            "quote": ("Còn người xem, còn người hát thì Dù kê còn sống.", "leader"),
            "leader_role": "Chủ nhiệm {name}",
            "image": "pagoda",
            "numbers": {"members": (18, 45), "plays": (2, 5), "children": (40, 200)},
        },
        {
            "kind": "exemplar",
            "subject": "individual",
            "position": "Người có uy tín trong đồng bào dân tộc thiểu số, {commune}",
            "titles": ["{Who}: người có uy tín ở phum sóc", "Lời nói của {who} được bà con nghe theo"],
            "summary": "Là người có uy tín trong đồng bào Khmer ở {place}, {who} vận động bà con giữ gìn an ninh trật tự, "
            "cho con em đi học và hòa giải thành công {cases} vụ việc.",
            "paras": [
                "Được bầu chọn là người có uy tín từ năm {since}, {who} luôn gần gũi, lắng nghe tâm tư của bà con.",
                "{Who} phối hợp với nhà chùa vận động đồng bào không nghe kẻ xấu xúi giục, tham gia các phong trào ở địa phương.",
                "Nhiều mâu thuẫn trong thôn xóm được {who} hòa giải ngay từ đầu, không để kéo dài.",
            ],
            "heading": "Cầu nối giữa Đảng và đồng bào",
            "achievements": [
                "Hòa giải thành công {cases} vụ việc ở cơ sở",
                "Vận động {children} học sinh bỏ học trở lại lớp",
                "Bằng khen của Ban Dân tộc tỉnh",
            ],
            "quote": ("Mình nói phải thì bà con nghe, mình làm trước thì bà con theo.", "subject"),
            "image": "pagoda",
            "numbers": {"cases": (15, 80), "children": (10, 60)},
            "also": "nguoi-tot-viec-tot",
        },
    ],
}
