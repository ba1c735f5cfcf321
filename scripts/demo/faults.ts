/**
 * The after-sales fault graph for 3C products, in Chinese and English. Each symptom has the ways
 * customers describe it, the questions to ask first, the solutions to try in order, and the repair
 * queue a ticket goes to when nothing works. fault-zh-KEY and fault-en-KEY describe the same fault.
 */
import type { Fault } from '../../src/core/domain/schemas.js'

type Side = { s: string; sim: string[]; q: string[]; sol: string[] }
type Entry = {
  key: string
  category: string
  queue: string
  priority: Fault['escalate']['priority']
  zh: Side
  en: Side
}

const PHONE = 'electronics/phone'
const BUDS = 'electronics/earbuds'
const LAPTOP = 'electronics/laptop'
const WATCH = 'electronics/smartwatch'
const CHARGER = 'electronics/charger'

const e = (
  key: string,
  category: string,
  queue: string,
  priority: Fault['escalate']['priority'],
  zh: Side,
  en: Side,
): Entry => ({ key, category, queue, priority, zh, en })

export const ENTRIES: Entry[] = [
  // ------------------------------------------------------------------ phones
  e(
    'phone-no-charge',
    PHONE,
    'repair-phone',
    'high',
    {
      s: '手机充不进电',
      sim: [
        '手机插上充电器没反应',
        '充电没有闪电图标',
        '手机充不了电了',
        '充了一晚上电量没涨',
        '插线不充电',
        '手机冲不进电',
      ],
      q: ['用的是原装充电器和数据线吗？换一根线或插头试过吗？', '充电口里有没有灰尘或异物？'],
      sol: [
        '换用原装充电器和数据线，并换一个墙插试试，排除插座或线材问题。',
        '关机后用软毛刷或牙签（木质）轻轻清理充电口里的灰尘，再插紧充电。',
        '长按电源键和音量减键10秒强制重启，重启后再充电30分钟观察。',
        '若电量过低无法开机，请保持充电30分钟后再开机；仍无反应需要送修检测充电模块。',
      ],
    },
    {
      s: 'Phone won’t charge',
      sim: [
        'phone not charging when plugged in',
        'no charging icon',
        'my phone stopped charging',
        'charged all night and still at the same percent',
        'cable plugged in but nothing happens',
        'wont charge',
      ],
      q: [
        'Are you using the original charger and cable? Have you tried another cable or plug?',
        'Is there any lint or dirt in the charging port?',
      ],
      sol: [
        'Use the original charger and cable and try a different wall socket to rule out the socket or cable.',
        'Power the phone off and gently clean the charging port with a soft brush or a wooden toothpick, then plug in firmly.',
        'Force-restart by holding Power and Volume Down for 10 seconds, then charge for 30 minutes.',
        'If the battery is completely flat, leave it charging for 30 minutes before turning it on; if there is still no response, the charging module needs a repair check.',
      ],
    },
  ),
  e(
    'phone-slow-charge',
    PHONE,
    'repair-phone',
    'normal',
    {
      s: '手机充电很慢，快充不生效',
      sim: ['充电特别慢', '快充没用了', '100W充电器充得很慢', '没有显示超级快充', '充满要好几个小时'],
      q: ['充电时屏幕上有没有显示“超级快充”字样？', '充电时是不是在玩游戏或开着热点？'],
      sol: [
        '使用原装100W充电器和原装6A数据线，第三方线材通常只能普通充电。',
        '充电时退出游戏、关闭热点和高亮度，手机温度过高时会自动降速保护。',
        '进入“设置-电池”确认“快速充电”开关已开启，并更新到最新系统版本。',
      ],
    },
    {
      s: 'Phone charges slowly, fast charging not working',
      sim: [
        'charging very slow',
        'fast charge stopped working',
        'takes hours to fully charge',
        'no supercharge indicator',
        '100W charger charging slow',
      ],
      q: ['Does the screen show "SuperCharge" while charging?', 'Are you gaming or using a hotspot while it charges?'],
      sol: [
        'Use the original 100 W charger and original 6A cable; third-party cables usually only charge at standard speed.',
        'Close games, turn off the hotspot and lower the brightness while charging: the phone slows charging when it is hot.',
        'Check that "Fast charging" is on in Settings > Battery and update to the latest system version.',
      ],
    },
  ),
  e(
    'phone-battery-drain',
    PHONE,
    'repair-phone',
    'normal',
    {
      s: '手机耗电快，续航变差',
      sim: ['电池掉电太快', '一天要充好几次', '待机也掉电', '手机很费电', '电量哗哗往下掉', '续航不行'],
      q: ['是最近更新系统或安装某个App之后才出现的吗？', '在“设置-电池”里哪个应用耗电最多？'],
      sol: [
        '在“设置-电池”查看耗电排行，对异常耗电的应用关闭后台运行或卸载重装。',
        '降低屏幕刷新率和亮度，关闭不需要的定位、蓝牙和5G（信号弱时5G更耗电）。',
        '系统更新后的1-2天内会进行索引优化，耗电偏高属正常；之后仍明显耗电，请备份后恢复出厂设置。',
        '在“电池健康”中查看最大容量，低于80%且在保修期内可送修检测更换电池。',
      ],
    },
    {
      s: 'Battery drains fast',
      sim: [
        'battery dies quickly',
        'have to charge several times a day',
        'battery drops even on standby',
        'phone uses too much power',
        'battery life got worse',
        'batery draining',
      ],
      q: [
        'Did it start after a system update or after installing an app?',
        'Which app uses the most battery in Settings > Battery?',
      ],
      sol: [
        'Check the battery usage list in Settings > Battery and restrict background activity for, or reinstall, any app using an unusual amount.',
        'Lower the refresh rate and brightness, and turn off location, Bluetooth and 5G when you do not need them (5G uses more power on a weak signal).',
        'For 1-2 days after a system update the phone re-indexes and uses more power; if drain stays high, back up and reset to factory settings.',
        'Check maximum capacity under Battery health; below 80% within warranty, we can check and replace the battery.',
      ],
    },
  ),
  e(
    'phone-overheat',
    PHONE,
    'repair-phone',
    'urgent',
    {
      s: '手机发烫严重',
      sim: ['手机很烫', '玩一会儿就发热', '充电时烫手', '手机过热提示', '背面热得厉害'],
      q: ['是在充电、玩游戏还是待机时发烫？', '电池有没有鼓包、后盖是否翘起？'],
      sol: [
        '如发现电池鼓包、后盖翘起或有焦糊味，请立即停止使用和充电，放在远离易燃物的地方，直接申请送修。',
        '取下保护壳，避免边充电边玩游戏，关闭高刷新率和高画质游戏设置，让手机在阴凉处冷却。',
        '在“设置-电池”中检查是否有应用异常占用后台，关闭后重启手机。',
      ],
    },
    {
      s: 'Phone overheating',
      sim: [
        'phone gets very hot',
        'heats up after a few minutes of gaming',
        'too hot to hold while charging',
        'overheating warning',
        'back of the phone is burning hot',
      ],
      q: [
        'Does it get hot while charging, gaming or just sitting idle?',
        'Is the battery swollen or is the back cover lifting?',
      ],
      sol: [
        'If the battery is swollen, the back is lifting or you smell burning, stop using and charging it right away, keep it away from anything flammable and request a repair.',
        'Take off the case, avoid gaming while charging, lower the refresh rate and game graphics, and let the phone cool somewhere shaded.',
        'Check Settings > Battery for apps running abnormally in the background, close them and restart the phone.',
      ],
    },
  ),
  e(
    'phone-no-power',
    PHONE,
    'repair-phone',
    'high',
    {
      s: '手机开不了机，黑屏没反应',
      sim: ['手机开不开机', '按电源键没反应', '突然黑屏了', '手机死机开不了', '屏幕不亮但有声音', '开机卡在logo'],
      q: ['手机有没有摔过或进过水？', '插上充电器后有没有充电指示或振动？'],
      sol: [
        '连接原装充电器充电至少30分钟，再长按电源键10秒开机。',
        '同时长按电源键和音量减键15秒强制重启。',
        '如果卡在开机画面，可长按电源键和音量加键进入恢复模式，选择“重启”；“清除数据”会删除资料，请谨慎。',
        '以上都无效，可能是主板或屏幕故障，需要寄修检测。',
      ],
    },
    {
      s: 'Phone won’t turn on',
      sim: [
        'phone is dead',
        'power button does nothing',
        'screen went black suddenly',
        'black screen but i hear sounds',
        'stuck on the logo',
        'wont power on',
      ],
      q: ['Has the phone been dropped or got wet?', 'When plugged in, is there any charging indicator or vibration?'],
      sol: [
        'Charge with the original charger for at least 30 minutes, then hold the power button for 10 seconds.',
        'Hold Power and Volume Down together for 15 seconds to force a restart.',
        'If it is stuck on the logo, hold Power and Volume Up to enter recovery mode and choose "Reboot"; "Wipe data" erases your data, so use it with care.',
        'If none of this works, the board or screen may be faulty and it needs a repair check.',
      ],
    },
  ),
  e(
    'phone-screen-flicker',
    PHONE,
    'repair-phone',
    'high',
    {
      s: '手机屏幕闪烁或出现线条',
      sim: ['屏幕一闪一闪的', '屏幕有绿线', '低亮度下屏幕闪', '屏幕花屏', '屏幕出现条纹', '屏闪'],
      q: ['是所有画面都闪，还是只在低亮度或某个App里闪？', '手机有没有摔过、压过？'],
      sol: [
        '打开“设置-显示”中的“高频调光/防闪烁”，低亮度下的轻微闪烁属于OLED调光特性。',
        '关闭“自动亮度”和“自适应刷新率”后观察是否还闪，并更新到最新系统版本。',
        '截图看看：截图里也有线条说明是软件问题，可备份后恢复出厂设置；截图正常而屏幕有线条说明是屏幕硬件故障，需要送修。',
      ],
    },
    {
      s: 'Screen flickers or shows lines',
      sim: [
        'screen flickering',
        'green line on screen',
        'screen flashes at low brightness',
        'display glitching',
        'stripes on the display',
        'screen keeps flicking',
      ],
      q: [
        'Does it flicker everywhere, or only at low brightness or in one app?',
        'Has the phone been dropped or pressed?',
      ],
      sol: [
        'Turn on "High-frequency dimming / Flicker reduction" in Settings > Display; slight flicker at low brightness is normal for OLED dimming.',
        'Turn off auto-brightness and adaptive refresh rate, see if it continues, and update to the latest system version.',
        'Take a screenshot: if the lines appear in the screenshot it is software (back up and reset); if the screenshot is clean but the screen shows lines, the display hardware needs a repair.',
      ],
    },
  ),
  e(
    'phone-touch',
    PHONE,
    'repair-phone',
    'high',
    {
      s: '触摸屏失灵或乱跳',
      sim: ['屏幕点不动', '触屏没反应', '屏幕自己乱点', '有一块区域点不了', '触摸不灵敏', '跳屏'],
      q: ['贴了新的钢化膜或换了保护壳吗？', '是整个屏幕都失灵，还是某个区域？'],
      sol: [
        '擦干净屏幕和手指上的水或油，撕掉可能有气泡、翘边的贴膜后再试。',
        '充电时如果乱跳，换原装充电器试试，劣质充电器会干扰触控。',
        '长按电源键和音量减键强制重启；仍有问题，在“设置-系统-触控测试”中检测，有失灵区域需要送修更换屏幕。',
      ],
    },
    {
      s: 'Touchscreen unresponsive or ghost touches',
      sim: [
        'screen not responding to touch',
        'touch doesnt work',
        'screen tapping by itself',
        'part of the screen cant be pressed',
        'touch is laggy',
        'ghost touch',
      ],
      q: ['Did you recently put on a new screen protector or case?', 'Is the whole screen affected or only one area?'],
      sol: [
        'Wipe any water or grease off the screen and your fingers, and remove a protector that has bubbles or lifted edges.',
        'If it only happens while charging, try the original charger: poor chargers can interfere with touch.',
        'Force-restart with Power and Volume Down; if it continues, run the touch test in Settings > System. Dead areas mean the screen needs replacing.',
      ],
    },
  ),
  e(
    'phone-camera-blur',
    PHONE,
    'repair-phone',
    'normal',
    {
      s: '拍照模糊，对不上焦',
      sim: ['相机拍出来是糊的', '摄像头对焦不了', '拍照不清楚', '长焦镜头模糊', '相机画面发抖', '照片很糊'],
      q: ['是所有镜头都模糊，还是只有某一个（主摄/长焦/超广角）？', '镜头表面有没有划痕、雾气或指纹？'],
      sol: [
        '用眼镜布擦干净镜头和镜头保护膜，取下可能遮挡镜头的手机壳。',
        '在相机设置里“恢复默认设置”，并确认没有开启“微距”或手动对焦模式。',
        '轻点屏幕对焦后保持手机稳定；如果画面持续抖动或发出“咔咔”声，说明防抖模组异常，需要送修。',
      ],
    },
    {
      s: 'Camera photos blurry, won’t focus',
      sim: [
        'photos come out blurry',
        'camera cant focus',
        'pictures not sharp',
        'telephoto lens blurry',
        'camera preview shaking',
        'blury pictures',
      ],
      q: [
        'Are all lenses blurry or just one (main, telephoto or ultra-wide)?',
        'Is there a scratch, fog or fingerprint on the lens?',
      ],
      sol: [
        'Clean the lenses and any lens protector with a glasses cloth, and remove a case that might cover the lens.',
        'Choose "Restore defaults" in the camera settings and make sure macro or manual focus is not switched on.',
        'Tap to focus and hold the phone steady; if the preview keeps shaking or you hear clicking, the stabiliser module is faulty and needs a repair.',
      ],
    },
  ),
  e(
    'phone-wifi-drop',
    PHONE,
    'repair-phone',
    'normal',
    {
      s: '手机Wi-Fi经常断开',
      sim: ['WiFi老是掉线', '连不上家里的wifi', 'wifi信号弱', '连着wifi但上不了网', '无线网络断断续续'],
      q: ['其他设备连同一个Wi-Fi正常吗？', '是所有Wi-Fi都断，还是只有某一个？'],
      sol: [
        '在Wi-Fi列表中“忘记此网络”后重新输入密码连接，并重启路由器。',
        '关闭“WLAN+/智能切换网络”和省电模式，这些功能会在信号弱时自动断开Wi-Fi。',
        '在“设置-系统-重置”中选择“重置网络设置”（会清除已保存的Wi-Fi和蓝牙配对）。',
      ],
    },
    {
      s: 'Wi-Fi keeps dropping',
      sim: [
        'wifi disconnects all the time',
        'cant connect to home wifi',
        'weak wifi signal',
        'connected to wifi but no internet',
        'wi-fi cutting out',
      ],
      q: ['Do other devices work on the same Wi-Fi?', 'Does it drop on every network or only one?'],
      sol: [
        'Forget the network in the Wi-Fi list, reconnect with the password and restart the router.',
        'Turn off smart network switching and battery saver; they drop Wi-Fi when the signal is weak.',
        'Use "Reset network settings" in Settings > System > Reset (this removes saved Wi-Fi networks and Bluetooth pairings).',
      ],
    },
  ),
  e(
    'phone-no-signal',
    PHONE,
    'repair-phone',
    'high',
    {
      s: '手机没信号或显示无服务',
      sim: ['显示无服务', '信号很差打不了电话', '没有5G信号', 'SIM卡识别不了', '手机没信号了', '插卡没反应'],
      q: ['换一张SIM卡或把卡放到另一部手机上试过吗？', '是在所有地方都没信号，还是只在某些地方？'],
      sol: [
        '开关一次飞行模式，或重启手机。',
        '取出SIM卡擦拭金属触点后重新插好；确认卡槽设置里SIM卡已启用，“首选网络类型”选择5G/4G自动。',
        '在“设置-系统-重置”中重置网络设置；换卡后仍无信号说明基带或天线异常，需要送修。',
      ],
    },
    {
      s: 'No signal or “No service”',
      sim: [
        'shows no service',
        'signal too weak to make calls',
        'no 5G',
        'SIM card not detected',
        'lost all signal',
        'no bars',
      ],
      q: ['Have you tried another SIM card, or your SIM in another phone?', 'Is it everywhere or only in some places?'],
      sol: [
        'Toggle airplane mode on and off, or restart the phone.',
        'Take out the SIM, wipe the gold contacts and reinsert it; check the SIM is enabled and the preferred network type is 5G/4G auto.',
        'Reset network settings in Settings > System > Reset; if another SIM also gets no signal, the modem or antenna needs a repair.',
      ],
    },
  ),
  e(
    'phone-wireless-charge',
    PHONE,
    'repair-phone',
    'normal',
    {
      s: '无线充电充不上',
      sim: ['放在无线充上不充电', '无线充电断断续续', '无线快充没反应', '无线充电器没用'],
      q: [
        '您的手机型号是什么？X2标准版、X1、Note 12、A5和O9 Lite不支持无线充电。',
        '是否戴着很厚或带金属、磁吸片的手机壳？',
      ],
      sol: [
        '确认手机型号支持无线充电，并在“设置-电池”中开启“无线充电”。',
        '取下厚壳、金属支架或卡片，把手机中心对准充电器线圈位置放置。',
        '使用原装电源适配器给无线充电器供电，功率不足的插头会导致反复断充。',
      ],
    },
    {
      s: 'Wireless charging doesn’t work',
      sim: [
        'phone not charging on the wireless pad',
        'wireless charging keeps stopping',
        'wireless fast charge not working',
        'wireless charger does nothing',
      ],
      q: [
        'Which phone model do you have? The X2, X1, Note 12, A5 and O9 Lite do not support wireless charging.',
        'Is there a thick case, metal plate or magnet on the phone?',
      ],
      sol: [
        'Check that your model supports wireless charging and that "Wireless charging" is on in Settings > Battery.',
        'Remove thick cases, metal rings or cards, and place the centre of the phone on the charger’s coil.',
        'Power the wireless charger with the original adapter; a weak plug makes charging start and stop.',
      ],
    },
  ),
  e(
    'phone-reboot',
    PHONE,
    'repair-phone',
    'high',
    {
      s: '手机自动重启或频繁死机',
      sim: ['手机老是自己重启', '用着用着就重启', '手机死机', '卡死不动了', '反复重启'],
      q: ['是某个App打开时才重启，还是随时都会？', '最近有没有安装来源不明的应用？'],
      sol: [
        '更新系统和应用到最新版本，卸载最近安装的、来源不明的应用。',
        '进入安全模式（关机后长按电源键，出现logo时按住音量减键）使用一段时间，不重启说明是第三方应用导致。',
        '备份资料后恢复出厂设置；恢复后仍反复重启需要送修检测主板。',
      ],
    },
    {
      s: 'Phone restarts by itself or freezes',
      sim: [
        'phone keeps rebooting',
        'restarts randomly while using it',
        'phone freezes',
        'screen frozen and stuck',
        'boot loop',
      ],
      q: [
        'Does it restart when you open a particular app, or at any time?',
        'Have you installed any apps from unknown sources lately?',
      ],
      sol: [
        'Update the system and apps, and uninstall recently installed apps from unknown sources.',
        'Use safe mode for a while (power off, hold Power, then hold Volume Down when the logo appears); if it stops rebooting, a third-party app is the cause.',
        'Back up and reset to factory settings; if it still reboots, the board needs a repair check.',
      ],
    },
  ),
  e(
    'phone-lag',
    PHONE,
    'repair-phone',
    'low',
    {
      s: '手机运行卡顿',
      sim: ['手机很卡', '打开应用很慢', '用久了变卡', '滑动不流畅', '反应迟钝'],
      q: ['手机存储空间还剩多少？', '卡顿是在玩游戏时还是日常使用也卡？'],
      sol: [
        '清理存储空间，至少保留总容量的10%可用空间；用“手机管家”清理缓存。',
        '关闭不需要的后台应用和动态壁纸，检查是否开启了省电模式（会降低性能）。',
        '更新到最新系统；仍然明显卡顿，可备份后恢复出厂设置。',
      ],
    },
    {
      s: 'Phone is slow and laggy',
      sim: [
        'phone very slow',
        'apps take ages to open',
        'phone got slower over time',
        'scrolling is choppy',
        'laggy phone',
      ],
      q: ['How much free storage is left?', 'Is it slow only in games or in everyday use too?'],
      sol: [
        'Free up storage so at least 10% is available, and clear caches with the Phone Manager app.',
        'Close background apps you do not need, turn off live wallpapers and check that battery saver (which limits performance) is off.',
        'Update to the latest system; if it is still slow, back up and reset to factory settings.',
      ],
    },
  ),
  e(
    'phone-call-audio',
    PHONE,
    'repair-phone',
    'normal',
    {
      s: '打电话听不到声音或对方听不清',
      sim: ['通话没声音', '听筒声音很小', '对方听不到我说话', '扬声器有杂音', '打电话有回音'],
      q: ['是听筒、扬声器还是麦克风的问题？开免提时正常吗？', '手机是否进过水，或贴膜、手机壳挡住了听筒和麦克风孔？'],
      sol: [
        '检查贴膜和手机壳是否遮住听筒、麦克风开孔，用软毛刷清理开孔灰尘。',
        '断开蓝牙耳机或车载蓝牙，确认通话声音没有被转到其他设备。',
        '用录音机录一段话回放，录音也有问题说明麦克风故障；播放音乐有杂音说明扬声器故障，均需送修。',
      ],
    },
    {
      s: 'Can’t hear calls or the other person can’t hear me',
      sim: [
        'no sound during calls',
        'earpiece very quiet',
        'people cant hear me',
        'speaker crackling',
        'echo on calls',
      ],
      q: [
        'Is the problem the earpiece, the loudspeaker or the microphone? Is speakerphone fine?',
        'Has the phone been wet, or does a protector or case cover the earpiece or mic holes?',
      ],
      sol: [
        'Check the protector and case do not cover the earpiece or mic holes, and brush the holes clean.',
        'Disconnect Bluetooth earbuds or car audio so the call is not routed to another device.',
        'Record a voice memo and play it back: if the recording is bad the microphone is faulty; crackling music means the speaker is faulty. Both need a repair.',
      ],
    },
  ),
  // ------------------------------------------------------------------ earbuds
  e(
    'earbuds-one-side',
    BUDS,
    'repair-audio',
    'normal',
    {
      s: '耳机一边没有声音',
      sim: ['左耳没声音', '右边耳机不响', '只有一只耳机有声', '单耳没声', '一只耳机连不上', '耳机一边响一边不响'],
      q: ['没声音的那只放回充电盒时指示灯亮吗？', '戴上时是两只都连接上了吗（App里能看到两只的电量吗）？'],
      sol: [
        '把两只耳机放回充电盒充电10分钟，确认没声的那只有电。',
        '检查手机“设置-辅助功能-音频平衡”是否在中间位置，单声道音频是否关闭。',
        '在手机蓝牙里“忘记此设备”，打开充电盒盖长按背面按键10秒恢复出厂，再重新配对。',
        '用软毛刷轻轻清理出音孔的耳垢；仍无声音，需要寄修或补配单只耳机。',
      ],
    },
    {
      s: 'No sound from one earbud',
      sim: [
        'left earbud not working',
        'no sound in the right earbud',
        'only one earbud plays',
        'one side silent',
        'one bud wont connect',
        'sound only in one ear',
      ],
      q: [
        'Does the silent earbud’s light come on when you put it back in the case?',
        'Are both earbuds connected (can you see both battery levels in the app)?',
      ],
      sol: [
        'Put both earbuds in the case and charge for 10 minutes to make sure the silent one has power.',
        'Check that audio balance in your phone’s accessibility settings is centred and mono audio is off.',
        'Forget the earbuds in Bluetooth settings, open the case and hold its button for 10 seconds to reset, then pair again.',
        'Gently brush earwax out of the speaker mesh; if it is still silent, the earbud needs a repair or a single replacement.',
      ],
    },
  ),
  e(
    'earbuds-pair',
    BUDS,
    'repair-audio',
    'normal',
    {
      s: '蓝牙耳机无法配对连接',
      sim: ['耳机连不上手机', '蓝牙搜不到耳机', '配对失败', '耳机连不上蓝牙', '换了手机连不上', '耳机配对不了'],
      q: ['手机蓝牙列表里能搜到耳机吗？', '耳机之前有没有连接过其他设备？'],
      sol: [
        '把耳机放回充电盒，打开盒盖长按背面按键2秒，指示灯白灯闪烁即进入配对模式，再在手机蓝牙中搜索。',
        '关闭附近已连接过耳机的平板、电脑的蓝牙，避免耳机自动回连到其他设备。',
        '在手机上“忘记此设备”，打开盒盖长按按键10秒（红白灯交替闪）恢复出厂后重新配对。',
      ],
    },
    {
      s: 'Bluetooth earbuds won’t pair',
      sim: [
        'earbuds wont connect to my phone',
        'bluetooth cant find the earbuds',
        'pairing failed',
        'new phone wont pair with earbuds',
        'earbuds not showing up',
        'cant pair',
      ],
      q: [
        'Do the earbuds appear in your phone’s Bluetooth list?',
        'Have they been connected to another device before?',
      ],
      sol: [
        'Put the earbuds in the case, open the lid and hold the button for 2 seconds until the light flashes white (pairing mode), then search on your phone.',
        'Turn off Bluetooth on nearby tablets or laptops that were paired before, so the earbuds don’t reconnect to them.',
        'Forget the earbuds on your phone, then hold the case button for 10 seconds (light flashes red and white) to reset and pair again.',
      ],
    },
  ),
  e(
    'earbuds-case-charge',
    BUDS,
    'repair-audio',
    'high',
    {
      s: '耳机或充电盒充不进电',
      sim: ['充电盒不充电', '耳机放进盒子不充电', '充电盒指示灯不亮', '耳机没电充不上', '无线充电盒没反应'],
      q: ['充电盒插线时指示灯亮吗？', '耳机和充电盒里的金属触点是否干净？'],
      sol: [
        '换一根USB-C线和充电头给充电盒充电30分钟，观察指示灯。',
        '用干燥棉签轻轻擦拭耳机底部和盒内的金属触点，确保耳机放入后吸附到位。',
        '无线充电时把充电盒指示灯朝上放在充电板中央；仍不充电需要送修。',
      ],
    },
    {
      s: 'Earbuds or case won’t charge',
      sim: [
        'charging case not charging',
        'earbuds dont charge in the case',
        'case light doesnt come on',
        'earbuds dead and wont charge',
        'case does nothing on wireless charger',
      ],
      q: [
        'Does the case light come on when plugged in?',
        'Are the metal contacts on the earbuds and inside the case clean?',
      ],
      sol: [
        'Charge the case for 30 minutes with a different USB-C cable and plug, and watch the light.',
        'Wipe the metal contacts on the earbuds and in the case with a dry cotton bud, and check the earbuds snap into place.',
        'On a wireless charger, place the case light-side up in the centre of the pad; if it still does not charge, it needs a repair.',
      ],
    },
  ),
  e(
    'earbuds-anc',
    BUDS,
    'repair-audio',
    'normal',
    {
      s: '降噪效果差或有嘶嘶声',
      sim: ['降噪没效果', '开降噪有电流声', '降噪不如以前', '降噪模式有杂音', '地铁上降噪没用'],
      q: ['用的是哪个尺寸的耳塞套？戴上后是否完全贴合耳道？', 'App里降噪模式是否开启？'],
      sol: [
        '在App中做“耳塞贴合度检测”，换用合适尺寸的耳塞套（盒内有S/M/L三种）。',
        '在App中切换到“深度降噪”，并关闭“通透模式”。',
        '清理耳机外侧麦克风开孔的灰尘，更新耳机固件；有持续嘶嘶声需送修。',
      ],
    },
    {
      s: 'Noise cancelling weak or hissing',
      sim: [
        'ANC not working',
        'hissing sound with noise cancelling on',
        'noise cancelling worse than before',
        'static noise in ANC mode',
        'ANC useless on the subway',
      ],
      q: [
        'Which ear tip size are you using, and do they seal completely?',
        'Is noise cancelling turned on in the app?',
      ],
      sol: [
        'Run the ear-tip fit test in the app and switch to the right tip size (S, M and L are in the box).',
        'Choose "Deep noise cancelling" in the app and make sure transparency mode is off.',
        'Clean the outer microphone holes and update the earbud firmware; a constant hiss needs a repair.',
      ],
    },
  ),
  e(
    'earbuds-disconnect',
    BUDS,
    'repair-audio',
    'normal',
    {
      s: '耳机声音断断续续、经常断连',
      sim: ['耳机老是断开', '听歌卡顿', '声音一卡一卡的', '蓝牙耳机断断续续', '走路时断连'],
      q: ['手机放在哪里？放在裤子后口袋或背包里时更容易断吗？', '是否开启了双设备连接或高清音质模式？'],
      sol: [
        '把手机放在与耳机同侧、较近的位置，远离微波炉、路由器等干扰源。',
        '在App中关闭“双设备连接”，把音质模式从“高清优先”改为“连接优先”。',
        '在手机上忘记设备、重置耳机后重新配对，并更新耳机固件。',
      ],
    },
    {
      s: 'Earbuds cut out or keep disconnecting',
      sim: [
        'earbuds keep disconnecting',
        'music stutters',
        'audio keeps dropping',
        'bluetooth sound choppy',
        'cuts out when i walk',
      ],
      q: [
        'Where is your phone? Is it worse when it is in a back pocket or bag?',
        'Are multipoint or high-quality audio mode turned on?',
      ],
      sol: [
        'Keep the phone on the same side of your body and close by, away from microwaves and routers.',
        'In the app, turn off multipoint and switch audio from "Quality first" to "Connection first".',
        'Forget and reset the earbuds, pair again and update the earbud firmware.',
      ],
    },
  ),
  e(
    'earbuds-mic',
    BUDS,
    'repair-audio',
    'normal',
    {
      s: '用耳机打电话对方听不清',
      sim: ['耳机通话对方听不见', '耳机麦克风没声音', '打电话对面说杂音大', '开会时别人听不清我说话'],
      q: ['是所有通话软件都这样，还是某个会议软件？', '在安静环境下也听不清吗？'],
      sol: [
        '检查通话或会议软件的输入设备是否选择了耳机，并允许麦克风权限。',
        '用软毛刷清理耳机底部的通话麦克风开孔。',
        '只用一只耳机通话试试，若某一只正常说明另一只麦克风故障，需要送修。',
      ],
    },
    {
      s: 'People can’t hear me on calls with the earbuds',
      sim: [
        'earbud mic not working',
        'caller says i sound muffled',
        'lots of noise on my end of calls',
        'colleagues cant hear me in meetings',
      ],
      q: ['Is it every calling app or just one meeting app?', 'Is it also unclear in a quiet room?'],
      sol: [
        'Check the call or meeting app uses the earbuds as its input device and has microphone permission.',
        'Brush the call-microphone holes at the bottom of the earbuds clean.',
        'Make a call with one earbud at a time; if only one works, the other’s microphone needs a repair.',
      ],
    },
  ),
  e(
    'earbuds-battery',
    BUDS,
    'repair-audio',
    'normal',
    {
      s: '耳机续航变短',
      sim: ['耳机电量掉得快', '听一会儿就没电', '耳机不耐用了', '充满电只能用两小时', '一只耳机比另一只掉电快'],
      q: ['是否一直开着降噪？', '两只耳机掉电速度一样吗？'],
      sol: [
        '降噪和高清音质会缩短约20%-30%续航，不需要时可关闭。',
        '把耳机放回盒中充满电，在App里更新固件并校准电量显示。',
        '单只耳机续航明显短于另一只（相差一半以上）属于电池异常，保修期内可送修或补配单只。',
      ],
    },
    {
      s: 'Earbud battery life got shorter',
      sim: [
        'earbuds die fast',
        'battery runs out after an hour',
        'earbuds dont last anymore',
        'only two hours on a full charge',
        'one earbud drains faster than the other',
      ],
      q: ['Do you keep noise cancelling on all the time?', 'Do both earbuds drain at the same rate?'],
      sol: [
        'Noise cancelling and high-quality audio reduce battery life by about 20-30%; turn them off when not needed.',
        'Fully charge the earbuds in the case, then update the firmware in the app to recalibrate the battery reading.',
        'If one earbud lasts less than half as long as the other, its battery is faulty; within warranty we repair or replace that earbud.',
      ],
    },
  ),
  e(
    'earbuds-volume',
    BUDS,
    'repair-audio',
    'low',
    {
      s: '耳机音量小或音质差',
      sim: ['耳机声音太小', '音质变差了', '声音发闷', '开到最大也不够响', '低音没了'],
      q: ['手机和耳机的音量都调到最大了吗？', '耳塞套上有没有耳垢堵住？'],
      sol: [
        '取下耳塞套，用软毛刷清理出音孔的耳垢和灰尘。',
        '在手机开发者选项中关闭“停用绝对音量”，让手机与耳机音量同步；检查App中的均衡器设置。',
        '换用合适尺寸的耳塞套，密封不好会明显损失低音。',
      ],
    },
    {
      s: 'Earbuds too quiet or sound quality poor',
      sim: [
        'earbuds volume too low',
        'sound quality got worse',
        'audio sounds muffled',
        'not loud enough at max volume',
        'lost the bass',
      ],
      q: ['Are both the phone and earbud volume at maximum?', 'Is earwax blocking the ear tips?'],
      sol: [
        'Take off the ear tips and brush earwax and dust out of the speaker mesh.',
        'Turn off "Disable absolute volume" in your phone’s developer options so volumes stay in sync, and check the equaliser in the app.',
        'Use the right ear-tip size: a poor seal loses a lot of bass.',
      ],
    },
  ),
  e(
    'earbuds-latency',
    BUDS,
    'repair-audio',
    'low',
    {
      s: '耳机声音延迟，看视频打游戏不同步',
      sim: ['声音和画面对不上', '打游戏有延迟', '耳机延迟高', '音画不同步'],
      q: ['是在某个游戏或视频App里，还是所有应用？'],
      sol: ['在耳机App中开启“游戏模式/低延迟模式”。', '关闭双设备连接和高清音质，更新手机系统和耳机固件。'],
    },
    {
      s: 'Audio delay with video or games',
      sim: ['sound out of sync with video', 'lag when gaming with earbuds', 'high latency', 'audio behind the picture'],
      q: ['Is it one game or video app, or every app?'],
      sol: [
        'Turn on "Game mode / Low latency" in the earbud app.',
        'Turn off multipoint and high-quality audio, and update both the phone and the earbud firmware.',
      ],
    },
  ),
  e(
    'earbuds-auto-pause',
    BUDS,
    'repair-audio',
    'low',
    {
      s: '耳机触控失灵或自动暂停',
      sim: ['耳机点了没反应', '摘下耳机不暂停', '戴着耳机自己暂停', '触控乱触发', '双击切歌没用'],
      q: ['是触控操作没反应，还是佩戴检测不准？'],
      sol: [
        '在App中检查触控手势设置，确认没有关闭或被设置成其他功能。',
        '用干布擦干净耳机柄上的触控区和内侧的佩戴检测传感器。',
        '在App中关闭再打开“佩戴检测”，必要时恢复出厂后重新配对。',
      ],
    },
    {
      s: 'Earbud touch controls not working or music pauses by itself',
      sim: [
        'tapping the earbuds does nothing',
        'music doesnt pause when i take them out',
        'keeps pausing while wearing',
        'controls trigger randomly',
        'double tap to skip not working',
      ],
      q: ['Is it the touch controls that do not respond, or in-ear detection that gets it wrong?'],
      sol: [
        'Check the gesture settings in the app to make sure the controls are enabled and mapped as you expect.',
        'Wipe the touch area on the stem and the in-ear sensor on the inside with a dry cloth.',
        'Turn in-ear detection off and on again in the app; if needed, reset and pair again.',
      ],
    },
  ),
  // ------------------------------------------------------------------ laptops
  e(
    'laptop-no-power',
    LAPTOP,
    'repair-laptop',
    'high',
    {
      s: '笔记本开不了机',
      sim: ['电脑按开机键没反应', '笔记本黑屏开不了', '电脑打不开了', '开机键灯不亮', '笔记本启动不了'],
      q: ['插上电源适配器后，充电指示灯亮吗？', '电脑有没有进水或摔过？'],
      sol: [
        '连接原装适配器充电30分钟后再按开机键，电池耗尽后需要一段时间才能开机。',
        '拔掉所有外接设备（U盘、扩展坞、显示器），长按电源键15秒放电后再开机。',
        '电源灯亮但屏幕黑，可外接显示器测试；外接能显示说明屏幕或排线故障，需要送修。',
      ],
    },
    {
      s: 'Laptop won’t turn on',
      sim: [
        'laptop power button does nothing',
        'laptop black screen',
        'my computer wont start',
        'power light not on',
        'laptop wont boot',
      ],
      q: [
        'With the adapter plugged in, does the charging light come on?',
        'Has the laptop been exposed to liquid or dropped?',
      ],
      sol: [
        'Charge with the original adapter for 30 minutes, then press power: a fully drained battery needs a while before it starts.',
        'Unplug all accessories (USB drives, docks, monitors), hold the power button for 15 seconds to drain residual power, then turn it on.',
        'If the power light is on but the screen is black, connect an external monitor: if that shows a picture, the screen or its cable needs a repair.',
      ],
    },
  ),
  e(
    'laptop-no-charge',
    LAPTOP,
    'repair-laptop',
    'high',
    {
      s: '笔记本插电不充电',
      sim: ['电脑充不进电', '显示已接通电源未充电', '笔记本电量不涨', '充电器插上没反应', '电脑不充电'],
      q: [
        '系统右下角电池图标显示什么（“已接通电源，未充电”还是没有插电标识）？',
        '用的是原装适配器，还是其他USB-C充电器？',
      ],
      sol: [
        '使用原装适配器插在机身标有充电图标的USB-C口，第三方充电器功率需达到65W以上。',
        '打开电脑管家，检查是否开启了“电池养护模式”（会把电量限制在80%）。',
        '关机并拔掉电源，长按电源键15秒后重新插电；仍不充电需送修检测电池或充电模块。',
      ],
    },
    {
      s: 'Laptop plugged in but not charging',
      sim: [
        'laptop wont charge',
        'says plugged in not charging',
        'battery percentage not going up',
        'charger connected but nothing',
        'computer not charging',
      ],
      q: [
        'What does the battery icon say ("Plugged in, not charging" or no plug symbol)?',
        'Are you using the original adapter or another USB-C charger?',
      ],
      sol: [
        'Use the original adapter in the USB-C port marked with the charging icon; third-party chargers need at least 65 W.',
        'Open PC Manager and check whether battery care mode is on (it stops charging at 80%).',
        'Shut down, unplug, hold the power button for 15 seconds and plug in again; if it still will not charge, the battery or charging circuit needs a repair.',
      ],
    },
  ),
  e(
    'laptop-overheat',
    LAPTOP,
    'repair-laptop',
    'normal',
    {
      s: '笔记本发热严重，风扇噪音大',
      sim: ['电脑很烫', '风扇一直狂转', '笔记本风扇声音很大', '电脑过热降频', '玩游戏机身烫手'],
      q: ['是什么情况下发热（游戏、视频剪辑、还是开机就热）？', '是放在床上、腿上等软的地方使用吗？'],
      sol: [
        '放在桌面等平整硬质表面使用，保持底部和两侧出风口畅通。',
        '在电脑管家中把性能模式切换为“均衡”或“安静”，结束后台占用CPU高的进程。',
        '使用半年以上风扇噪音越来越大，可能是积灰，保修期内可送修免费清灰。',
      ],
    },
    {
      s: 'Laptop overheating, loud fan',
      sim: [
        'laptop gets really hot',
        'fan running at full speed all the time',
        'laptop fan very loud',
        'laptop throttling from heat',
        'too hot to touch while gaming',
      ],
      q: [
        'When does it get hot: gaming, video editing, or straight after start-up?',
        'Do you use it on a bed, sofa or your lap?',
      ],
      sol: [
        'Use it on a flat, hard surface and keep the vents underneath and at the sides clear.',
        'Switch the performance mode to Balanced or Quiet in PC Manager and end background processes using a lot of CPU.',
        'If the fan has got louder over months of use, dust may have built up; within warranty we clean it free of charge.',
      ],
    },
  ),
  e(
    'laptop-battery-drain',
    LAPTOP,
    'repair-laptop',
    'normal',
    {
      s: '笔记本续航很短',
      sim: ['电脑电池不耐用', '笔记本掉电快', '续航没有宣传的长', '不插电只能用两小时', '合上盖子也掉电'],
      q: ['不插电时主要在做什么（办公、看视频、游戏）？', '合盖后是睡眠还是休眠？'],
      sol: [
        '把屏幕亮度调到50%左右、刷新率调到60Hz，在电脑管家中选择“省电模式”。',
        '在任务管理器中关闭高耗电的后台程序和开机自启动项。',
        '在电脑管家“电池检测”中查看电池健康度，低于80%且在保修期内可送修更换。',
      ],
    },
    {
      s: 'Laptop battery life is short',
      sim: [
        'laptop battery doesnt last',
        'battery drains fast on my laptop',
        'battery life far below advertised',
        'only two hours unplugged',
        'loses charge with the lid closed',
      ],
      q: [
        'What do you mostly do on battery (office work, video, games)?',
        'Does it sleep or hibernate when you close the lid?',
      ],
      sol: [
        'Set brightness around 50%, the refresh rate to 60 Hz and choose battery saver mode in PC Manager.',
        'Close power-hungry background programs and start-up apps in Task Manager.',
        'Check battery health under Battery check in PC Manager; below 80% within warranty, we replace the battery.',
      ],
    },
  ),
  e(
    'laptop-screen-flicker',
    LAPTOP,
    'repair-laptop',
    'high',
    {
      s: '笔记本屏幕闪烁或花屏',
      sim: ['电脑屏幕一闪一闪', '笔记本花屏', '屏幕有横线', '屏幕忽明忽暗', '开合屏幕时会闪'],
      q: ['开机画面（logo）时也闪吗，还是进入系统后才闪？', '开合屏幕时是否更严重？'],
      sol: [
        '在系统显示设置中关闭“根据内容调节亮度”，并把刷新率固定为60Hz试试。',
        '通过电脑管家更新显卡驱动和BIOS到最新版本。',
        '开机logo阶段也闪、或开合屏幕时加重，通常是屏幕排线问题，需要送修。',
      ],
    },
    {
      s: 'Laptop screen flickers or glitches',
      sim: [
        'laptop screen flickering',
        'screen glitching',
        'lines across the laptop display',
        'screen brightness keeps changing',
        'flickers when i move the lid',
      ],
      q: [
        'Does it flicker on the start-up logo too, or only once Windows has loaded?',
        'Is it worse when you move the lid?',
      ],
      sol: [
        'Turn off content-adaptive brightness in display settings and set the refresh rate to 60 Hz to test.',
        'Update the graphics driver and BIOS through PC Manager.',
        'If it flickers on the start-up logo too, or gets worse when you move the lid, the display cable is usually at fault and needs a repair.',
      ],
    },
  ),
  e(
    'laptop-wifi',
    LAPTOP,
    'repair-laptop',
    'normal',
    {
      s: '笔记本Wi-Fi经常掉线',
      sim: ['电脑wifi老断', '笔记本连不上无线网', '电脑搜不到wifi', '无线网卡不见了', '上网断断续续'],
      q: ['手机连同一个Wi-Fi正常吗？', '是睡眠唤醒后才断，还是随时都断？'],
      sol: [
        '在设备管理器中打开无线网卡属性，取消勾选“允许计算机关闭此设备以节约电源”。',
        '通过电脑管家更新无线网卡驱动，然后在网络设置中执行“网络重置”。',
        '搜不到任何Wi-Fi且设备管理器中没有无线网卡，属于硬件故障，需要送修。',
      ],
    },
    {
      s: 'Laptop Wi-Fi keeps dropping',
      sim: [
        'laptop wifi disconnects',
        'cant connect laptop to wifi',
        'laptop doesnt see any networks',
        'wireless adapter missing',
        'internet keeps cutting out on my laptop',
      ],
      q: ['Does your phone work on the same Wi-Fi?', 'Does it drop after waking from sleep, or at any time?'],
      sol: [
        'In Device Manager, open the wireless adapter’s properties and untick "Allow the computer to turn off this device to save power".',
        'Update the wireless driver through PC Manager, then run Network reset in network settings.',
        'If no networks appear at all and the wireless adapter is missing from Device Manager, it is a hardware fault that needs a repair.',
      ],
    },
  ),
  e(
    'laptop-keyboard',
    LAPTOP,
    'repair-laptop',
    'normal',
    {
      s: '笔记本键盘部分按键失灵',
      sim: ['键盘有几个键按不了', '键盘打字没反应', '按键连击', '键盘背光不亮', '键盘进水了'],
      q: ['键盘有没有洒过水或饮料？', '外接USB键盘是否正常？'],
      sol: [
        '如洒了液体，请立即关机、断电并倒扣晾干，不要开机，尽快申请送修。',
        '检查是否误开了数字锁定键或Fn锁定；背光可按F4（或带灯图标的键）调节。',
        '重启电脑，在设备管理器中卸载键盘设备后重启自动重装驱动；仍失灵需送修。',
      ],
    },
    {
      s: 'Some laptop keys don’t work',
      sim: [
        'a few keys not working',
        'keyboard not typing',
        'keys repeating',
        'keyboard backlight not on',
        'spilled water on the keyboard',
      ],
      q: ['Has any liquid been spilled on the keyboard?', 'Does an external USB keyboard work?'],
      sol: [
        'If liquid was spilled, shut down, unplug and turn the laptop upside down to dry; do not turn it on, and request a repair as soon as possible.',
        'Check that Num Lock or Fn Lock is not on; adjust the backlight with F4 (the key with the light icon).',
        'Restart, uninstall the keyboard in Device Manager and restart again to reinstall the driver; if keys still fail, it needs a repair.',
      ],
    },
  ),
  e(
    'laptop-touchpad',
    LAPTOP,
    'repair-laptop',
    'normal',
    {
      s: '笔记本触控板失灵',
      sim: ['触控板没反应', '鼠标指针不动', '触摸板点击没用', '触控板乱跳', '两指滚动不了'],
      q: ['外接鼠标能用吗？', '是否不小心按了关闭触控板的快捷键？'],
      sol: [
        '按F6（触控板图标键）开启触控板，并在“设置-蓝牙和其他设备-触摸板”中确认已开启。',
        '擦干净触控板表面和手指上的水汗，再试试。',
        '更新触控板驱动，或卸载后重启自动重装；仍失灵需送修。',
      ],
    },
    {
      s: 'Laptop touchpad not working',
      sim: [
        'touchpad not responding',
        'cursor wont move',
        'touchpad clicks do nothing',
        'cursor jumping around',
        'two finger scroll not working',
      ],
      q: ['Does an external mouse work?', 'Could the touchpad have been switched off with the shortcut key?'],
      sol: [
        'Press F6 (the touchpad key) and make sure the touchpad is on in Settings > Bluetooth & devices > Touchpad.',
        'Wipe sweat or water off the touchpad and your fingers and try again.',
        'Update the touchpad driver, or uninstall it and restart to reinstall; if it still fails, it needs a repair.',
      ],
    },
  ),
  e(
    'laptop-slow',
    LAPTOP,
    'repair-laptop',
    'low',
    {
      s: '笔记本运行很慢很卡',
      sim: ['电脑开机很慢', '笔记本卡顿', '打开软件很慢', '电脑反应迟钝', '内存占用很高'],
      q: ['硬盘C盘还剩多少空间？', '任务管理器里CPU、内存占用高的是哪些程序？'],
      sol: [
        '在任务管理器中关闭不需要的开机自启动项和高占用程序。',
        '清理C盘，至少保留20GB可用空间；用电脑管家做一次系统优化。',
        '插电使用并切换到“性能模式”；仍然明显卡顿，可备份数据后在电脑管家中一键恢复系统。',
      ],
    },
    {
      s: 'Laptop is slow',
      sim: [
        'laptop takes forever to boot',
        'laptop lagging',
        'programs open slowly',
        'computer sluggish',
        'memory usage very high',
      ],
      q: [
        'How much free space is left on the C: drive?',
        'Which programs use the most CPU and memory in Task Manager?',
      ],
      sol: [
        'Disable unneeded start-up apps and close heavy programs in Task Manager.',
        'Free up the C: drive so at least 20 GB is available, and run a system optimisation in PC Manager.',
        'Plug in and switch to performance mode; if it is still slow, back up and use the one-click system restore in PC Manager.',
      ],
    },
  ),
  e(
    'laptop-external-display',
    LAPTOP,
    'repair-laptop',
    'normal',
    {
      s: '笔记本外接显示器没有信号',
      sim: ['接显示器不亮', '外接屏幕无信号', 'HDMI接显示器没反应', '扩展屏检测不到', '投屏到显示器不显示'],
      q: ['用的是HDMI线、USB-C线，还是扩展坞？', '显示器的输入源选对了吗？'],
      sol: [
        '确认显示器输入源选择了对应接口，按Win+P选择“扩展”或“复制”。',
        'USB-C直连显示器时，请插在支持视频输出的全功能USB-C口，并使用支持视频传输的线材。',
        '更新显卡驱动；换线、换显示器都不行需送修检测接口。',
      ],
    },
    {
      s: 'External monitor shows no signal',
      sim: [
        'monitor not detected',
        'external screen says no signal',
        'HDMI to monitor not working',
        'second screen not showing',
        'cant project to monitor',
      ],
      q: ['Are you using an HDMI cable, a USB-C cable or a dock?', 'Is the monitor set to the right input?'],
      sol: [
        'Select the right input on the monitor and press Win+P to choose Extend or Duplicate.',
        'For a direct USB-C connection, use a full-function USB-C port that supports video and a cable that carries video.',
        'Update the graphics driver; if another cable and monitor also fail, the port needs a repair check.',
      ],
    },
  ),
  e(
    'laptop-no-sound',
    LAPTOP,
    'repair-laptop',
    'normal',
    {
      s: '笔记本没有声音',
      sim: ['电脑没声音', '扬声器不响', '插耳机才有声音', '笔记本喇叭破音', '声音图标有红叉'],
      q: ['插耳机有声音吗？', '右下角声音图标选的是哪个输出设备？'],
      sol: [
        '点击右下角声音图标，把输出设备选为“扬声器”，并确认没有静音。',
        '断开蓝牙耳机和外接显示器（HDMI可能会接管声音输出）。',
        '更新或重装声卡驱动；耳机有声而扬声器无声或破音，需送修检查扬声器。',
      ],
    },
    {
      s: 'Laptop has no sound',
      sim: [
        'no audio on my laptop',
        'speakers not working',
        'only get sound with headphones',
        'laptop speakers crackling',
        'red x on the sound icon',
      ],
      q: ['Do headphones play sound?', 'Which output device is selected under the sound icon?'],
      sol: [
        'Click the sound icon, choose Speakers as the output device and check it is not muted.',
        'Disconnect Bluetooth headphones and external monitors (HDMI can take over the audio output).',
        'Update or reinstall the audio driver; if headphones work but the speakers are silent or crackle, the speakers need a repair.',
      ],
    },
  ),
  // ------------------------------------------------------------------ smartwatches
  e(
    'watch-no-charge',
    WATCH,
    'repair-wearable',
    'high',
    {
      s: '智能手表充不进电',
      sim: ['手表放上充电座没反应', '手表不充电', '手环充不上电', '充电底座吸不住', '手表没电开不了机'],
      q: ['手表背面的充电触点和充电座是否干净、干燥？', '用的是原装充电底座吗？'],
      sol: [
        '用干布擦干手表背面和充电座，汗水和灰尘会影响接触；刚运动或游泳后请晾干再充。',
        '换一个USB插头或电脑USB口给充电座供电，确认手表放正、吸附到位。',
        '电量完全耗尽时需要充电15-30分钟才会显示充电图标；仍无反应需送修。',
      ],
    },
    {
      s: 'Smartwatch won’t charge',
      sim: [
        'watch not charging on the dock',
        'watch doesnt charge',
        'fitness band wont charge',
        'charger doesnt stick to the watch',
        'watch dead wont turn on',
      ],
      q: [
        'Are the contacts on the back of the watch and the charger clean and dry?',
        'Are you using the original charging dock?',
      ],
      sol: [
        'Dry the back of the watch and the dock with a cloth: sweat and dust block the contacts. After a workout or a swim, let it dry before charging.',
        'Power the dock from a different USB plug or computer port, and make sure the watch sits straight and snaps into place.',
        'A completely flat battery needs 15-30 minutes before the charging icon appears; if there is still nothing, it needs a repair.',
      ],
    },
  ),
  e(
    'watch-sync',
    WATCH,
    'repair-wearable',
    'normal',
    {
      s: '手表连不上手机App，数据不同步',
      sim: ['手表和手机断开连接', '健康App不同步数据', '手表配对失败', '换手机后手表连不上', '步数不同步'],
      q: ['您的手机是安卓还是iPhone？系统版本是多少？', '手机的蓝牙和App的后台运行权限是否开启？'],
      sol: [
        '在手机设置中允许运动健康App后台运行、自启动，关闭对它的省电限制。',
        '在App中删除设备，手表端“设置-系统-恢复出厂”后重新扫码配对（数据已同步到云端不会丢失）。',
        '确认手机系统满足要求：Android 8.0及以上或iOS 13及以上。',
      ],
    },
    {
      s: 'Watch won’t connect to the app or sync',
      sim: [
        'watch keeps disconnecting from phone',
        'health app not syncing',
        'watch pairing failed',
        'new phone cant connect to my watch',
        'steps not syncing',
      ],
      q: [
        'Is your phone Android or iPhone, and which system version?',
        'Are Bluetooth and background activity allowed for the app?',
      ],
      sol: [
        'Allow the Health app to run in the background and auto-start, and remove battery-saving restrictions on it.',
        'Remove the device in the app, reset the watch in Settings > System > Reset, and pair again by scanning the code (data already synced to the cloud is kept).',
        'Make sure your phone meets the requirements: Android 8.0+ or iOS 13+.',
      ],
    },
  ),
  e(
    'watch-heart-rate',
    WATCH,
    'repair-wearable',
    'normal',
    {
      s: '手表心率或血氧测量不准',
      sim: ['心率不准', '心率一直很高', '测不出血氧', '运动时心率乱跳', '睡眠数据不准'],
      q: ['手表戴在什么位置？松紧合适吗？', '手腕上是否有纹身或毛发较多？'],
      sol: [
        '把手表戴在腕骨上方一指宽处，松紧以能插入一根手指为宜，测量时保持手臂静止。',
        '擦干净手表背面的传感器窗口。',
        '在App中开启“连续心率监测”并更新固件；传感器灯不亮或始终测不出，需要送修。',
      ],
    },
    {
      s: 'Heart rate or SpO2 readings inaccurate',
      sim: [
        'heart rate wrong',
        'heart rate always too high',
        'cant measure blood oxygen',
        'heart rate jumps around during exercise',
        'sleep data inaccurate',
      ],
      q: ['Where do you wear the watch, and how tight is it?', 'Do you have a tattoo or a lot of hair on that wrist?'],
      sol: [
        'Wear the watch one finger-width above the wrist bone, snug enough that one finger fits under the strap, and keep your arm still while measuring.',
        'Wipe the sensor window on the back of the watch clean.',
        'Turn on continuous heart-rate monitoring in the app and update the firmware; if the sensor light never comes on or it never gets a reading, it needs a repair.',
      ],
    },
  ),
  e(
    'watch-battery',
    WATCH,
    'repair-wearable',
    'normal',
    {
      s: '手表续航比宣传短很多',
      sim: ['手表一天就没电', '手表耗电快', '续航没有14天', '手环掉电快', '表盘一直亮很费电'],
      q: ['是否开启了“息屏显示/常亮”、连续血氧或GPS运动？'],
      sol: [
        '关闭息屏显示、抬腕亮屏灵敏度调低，换用静态表盘。',
        '关闭不需要的连续血氧、压力监测和消息振动提醒；GPS运动会显著增加耗电。',
        '更新到最新固件后充满电观察两天；仍远低于标称续航，可送修检测电池。',
      ],
    },
    {
      s: 'Watch battery much shorter than advertised',
      sim: [
        'watch dies in a day',
        'watch battery drains fast',
        'not getting 14 days',
        'band losing charge quickly',
        'always-on display eating battery',
      ],
      q: ['Are always-on display, continuous SpO2 or GPS workouts turned on?'],
      sol: [
        'Turn off always-on display, lower raise-to-wake sensitivity and use a static watch face.',
        'Turn off continuous SpO2 and stress monitoring and notification vibration you do not need; GPS workouts use much more power.',
        'Update to the latest firmware, charge fully and watch it for two days; if it is still far below the rated battery life, we can check the battery.',
      ],
    },
  ),
  e(
    'watch-screen',
    WATCH,
    'repair-wearable',
    'normal',
    {
      s: '手表抬腕不亮屏或屏幕无反应',
      sim: ['抬手不亮屏', '手表黑屏', '屏幕点不动', '表盘不显示', '手表屏幕失灵'],
      q: ['按侧边按键能点亮屏幕吗？'],
      sol: [
        '在“设置-显示”中开启“抬腕亮屏”，并关闭“勿扰模式”和“睡眠模式”。',
        '长按侧边按键10秒强制重启手表。',
        '擦干屏幕上的水；屏幕碎裂或按键也无法点亮时需要送修。',
      ],
    },
    {
      s: 'Watch screen won’t wake or respond',
      sim: [
        'raise to wake not working',
        'watch screen black',
        'watch touch not working',
        'watch face not showing',
        'display unresponsive',
      ],
      q: ['Does pressing the side button light up the screen?'],
      sol: [
        'Turn on raise-to-wake in Settings > Display, and turn off Do Not Disturb and sleep mode.',
        'Hold the side button for 10 seconds to force-restart the watch.',
        'Dry any water off the screen; if the screen is cracked or the button cannot wake it either, it needs a repair.',
      ],
    },
  ),
  e(
    'watch-gps',
    WATCH,
    'repair-wearable',
    'low',
    {
      s: '手表GPS定位慢或运动轨迹漂移',
      sim: ['跑步轨迹乱飘', 'GPS搜星很慢', '距离不准', '定位不了', '跑步里程偏差大'],
      q: ['在开阔的室外开始运动，还是在高楼或树下？'],
      sol: [
        '运动前在开阔处静止等待定位成功（图标变绿）再出发。',
        '在App中同步一次（会更新星历数据），并在手表设置中开启“双频定位”。',
        '更新手表固件；开阔环境下仍无法定位，需送修检测。',
      ],
    },
    {
      s: 'Watch GPS slow or route drifts',
      sim: [
        'running route all over the place',
        'gps takes ages to lock',
        'distance inaccurate',
        'cant get a location',
        'run distance way off',
      ],
      q: ['Do you start your workout in the open, or near tall buildings or trees?'],
      sol: [
        'Before starting, stand still in an open area until GPS locks (the icon turns green).',
        'Sync with the app to refresh satellite data, and turn on dual-band positioning in the watch settings.',
        'Update the watch firmware; if it still cannot get a fix in the open, it needs a repair check.',
      ],
    },
  ),
  e(
    'watch-notifications',
    WATCH,
    'repair-wearable',
    'low',
    {
      s: '手表收不到消息通知',
      sim: ['手表没有微信提醒', '来电手表不振动', '消息通知不显示', '手表收不到短信提醒'],
      q: ['手机上运动健康App的通知权限开了吗？', '手表是否开着勿扰模式？'],
      sol: [
        '在手机设置中允许运动健康App读取通知，并在App的“消息通知”中打开需要的应用。',
        '关闭手表的勿扰和睡眠模式；手机正在使用时部分消息不会转发到手表，属正常。',
        '允许App后台运行、关闭省电限制，然后重启手机和手表。',
      ],
    },
    {
      s: 'Watch not getting notifications',
      sim: [
        'no message alerts on watch',
        'watch doesnt vibrate for calls',
        'notifications not showing on watch',
        'texts not coming through to watch',
      ],
      q: ['Does the Health app have notification access on your phone?', 'Is Do Not Disturb on the watch turned on?'],
      sol: [
        'Allow the Health app to read notifications in your phone settings, and switch on the apps you want under Notifications in the app.',
        'Turn off Do Not Disturb and sleep mode on the watch; some notifications are not forwarded while you are using your phone, which is normal.',
        'Allow the app to run in the background without battery restrictions, then restart the phone and the watch.',
      ],
    },
  ),
  e(
    'watch-water',
    WATCH,
    'repair-wearable',
    'high',
    {
      s: '手表进水或屏幕起雾',
      sim: ['手表屏幕里有水汽', '游泳后手表起雾', '手表进水了', '洗澡后手表出问题', '表盘里有雾'],
      q: ['是否在热水淋浴、泡温泉或蒸桑拿时佩戴？'],
      sol: [
        '立即停止使用和充电，擦干表面并放在通风处，不要用吹风机高温烘。',
        '5ATM防水适用于游泳等浅水运动，但不适用于热水、桑拿和高速水流；请送修检测密封，保修期内非人为进水可免费维修。',
      ],
    },
    {
      s: 'Water inside the watch or fogged screen',
      sim: [
        'moisture under the watch glass',
        'watch fogged up after swimming',
        'water got into my watch',
        'watch acting up after a shower',
        'condensation in the watch face',
      ],
      q: ['Did you wear it in a hot shower, hot spring or sauna?'],
      sol: [
        'Stop using and charging it straight away, dry the outside and leave it somewhere ventilated; do not use a hot hair dryer.',
        '5ATM water resistance covers swimming in shallow water but not hot water, saunas or high-pressure jets; send it in to check the seals. Water damage without misuse is repaired free within warranty.',
      ],
    },
  ),
  // ------------------------------------------------------------------ chargers & power banks
  e(
    'charger-no-output',
    CHARGER,
    'after-sales-general',
    'normal',
    {
      s: '充电器插上不工作',
      sim: ['充电头没反应', '充电器坏了', '充电器充不了电', '氮化镓充电器不充电', '充电器指示灯不亮'],
      q: ['换一台设备或一根线试过吗？', '是所有接口都不能用，还是某一个口？'],
      sol: [
        '换一个墙插，并用另一根支持快充的数据线连接设备测试。',
        '多口同时使用时功率会重新分配，先只插一台设备测试；拔下充电器30秒后重新插上，触发过载保护会自动恢复。',
        '所有接口、多根线都无输出，请申请售后，质量问题15天内可换新，1年内保修。',
      ],
    },
    {
      s: 'Charger not working',
      sim: [
        'charger does nothing',
        'charging brick died',
        'charger wont charge anything',
        'GaN charger stopped working',
        'charger light not on',
      ],
      q: ['Have you tried another device or another cable?', 'Do all ports fail or just one?'],
      sol: [
        'Try a different wall socket and another fast-charging cable.',
        'Power is shared when several ports are in use, so test with one device only; unplug the charger for 30 seconds and plug it back in to reset overload protection.',
        'If no port works with any cable, request after-sales: faulty chargers are replaced within 15 days and covered for 1 year.',
      ],
    },
  ),
  e(
    'charger-hot',
    CHARGER,
    'after-sales-general',
    'urgent',
    {
      s: '充电器或充电宝发烫、有异味',
      sim: ['充电头很烫', '充电宝发热', '充电器有焦味', '充电宝鼓起来了', '充电头烫手'],
      q: ['有没有外壳变形、鼓包、焦糊味或冒烟？'],
      sol: [
        '如有鼓包、变形、焦糊味或冒烟，请立即拔下停止使用，放在远离易燃物的地方，并申请售后，我们将优先处理。',
        '大功率快充时外壳温热（不超过约60℃）属正常，请放在通风处使用，不要用被子、枕头覆盖。',
      ],
    },
    {
      s: 'Charger or power bank hot or smells',
      sim: [
        'charger very hot',
        'power bank heating up',
        'burning smell from charger',
        'power bank swollen',
        'charger too hot to touch',
      ],
      q: ['Is the casing deformed or swollen, or is there a burning smell or smoke?'],
      sol: [
        'If it is swollen, deformed, smells burnt or smokes, unplug it and stop using it now, keep it away from anything flammable and request after-sales; we handle these first.',
        'Warmth up to about 60°C during high-power charging is normal; use it somewhere ventilated and never under a blanket or pillow.',
      ],
    },
  ),
  e(
    'charger-no-fast',
    CHARGER,
    'after-sales-general',
    'low',
    {
      s: '用充电器给笔记本或手机充电很慢',
      sim: ['充电器不能快充', '65W充电器给电脑充很慢', '笔记本显示充电器功率不足', '用你们充电头充手机很慢'],
      q: ['同时插了几台设备？', '用的数据线是否支持对应功率（例如100W/240W）？'],
      sol: [
        '给笔记本充电时单独使用一个USB-C口（多口同时使用会分配功率），并使用标称60W以上的C to C线。',
        '部分手机的私有快充协议需用原装充电器才能满速，通用PD/PPS快充速度会低一些，属正常。',
      ],
    },
    {
      s: 'Charger charges my laptop or phone slowly',
      sim: [
        'charger not fast charging',
        '65W charger slow on my laptop',
        'laptop says low-power charger',
        'your charger charges my phone slowly',
      ],
      q: ['How many devices are plugged in at once?', 'Is the cable rated for the power (e.g. 100 W or 240 W)?'],
      sol: [
        'Charge the laptop alone on one USB-C port (power is shared across ports) with a C-to-C cable rated 60 W or more.',
        'Some phones only reach full speed on their own proprietary charger; standard PD/PPS charging is a little slower, which is normal.',
      ],
    },
  ),
  e(
    'powerbank-no-charge',
    CHARGER,
    'after-sales-general',
    'normal',
    {
      s: '充电宝充不进电或不能给手机充电',
      sim: ['充电宝充不满', '充电宝没反应', '充电宝不给手机充电', '充电宝指示灯不亮', '移动电源充不进去'],
      q: ['充电宝的电量指示灯亮几格？', '给小电流设备（耳机、手环）充电时会自动断开吗？'],
      sol: [
        '用30W以上PD充电器给充电宝充电2小时，再按一下电源键查看电量。',
        '给耳机、手表等小电流设备充电时，双击电源键开启“小电流模式”，避免自动断电。',
        '长按电源键10秒重置；仍不能充放电，请申请售后。',
      ],
    },
    {
      s: 'Power bank won’t charge or won’t charge my phone',
      sim: [
        'power bank wont charge up',
        'power bank dead',
        'power bank not charging my phone',
        'battery pack lights not on',
        'portable charger not working',
      ],
      q: [
        'How many indicator lights come on?',
        'Does it switch off when charging low-power devices like earbuds or a band?',
      ],
      sol: [
        'Charge the power bank for 2 hours with a 30 W+ PD charger, then press the button to check the level.',
        'For earbuds, watches and other low-power devices, double-press the button for low-current mode so it does not switch off.',
        'Hold the button for 10 seconds to reset; if it still will not charge or discharge, request after-sales.',
      ],
    },
  ),
  e(
    'wireless-pad-intermittent',
    CHARGER,
    'after-sales-general',
    'low',
    {
      s: '无线充电板充电断断续续',
      sim: ['无线充电一会充一会不充', '磁吸充电老是断', '无线充电板指示灯闪烁', '无线充电板发出嗡嗡声'],
      q: ['手机壳厚度多少？有没有金属或卡片？', '无线充电板用的是什么电源适配器？'],
      sol: [
        '取下超过3mm的厚壳、金属环和卡片，非磁吸手机请搭配磁吸壳保证对准。',
        '使用20W以上的PD适配器供电；指示灯闪烁通常表示检测到异物或功率不足。',
      ],
    },
    {
      s: 'Wireless charging pad keeps stopping',
      sim: [
        'wireless charging on and off',
        'magnetic charger keeps disconnecting',
        'wireless pad light blinking',
        'wireless charger buzzing',
      ],
      q: ['How thick is your phone case, and is there metal or a card in it?', 'Which power adapter runs the pad?'],
      sol: [
        'Remove cases thicker than 3 mm, metal rings and cards; use a magnetic case on non-magnetic phones so it stays aligned.',
        'Power the pad with a 20 W+ PD adapter; a blinking light usually means a foreign object or not enough power.',
      ],
    },
  ),
  e(
    'cable-loose',
    CHARGER,
    'after-sales-general',
    'low',
    {
      s: '数据线接触不良，一动就断',
      sim: ['数据线松了', '充电线接触不良', '线要掰着才能充', '数据线不能传文件'],
      q: ['是接口松动，还是线身有破损？'],
      sol: [
        '清理手机接口里的灰尘，换另一台设备测试是线的问题还是接口问题。',
        '确认是需要传输数据的线（部分充电线只支持充电）；线材本身故障在1年保修内可申请换新。',
      ],
    },
    {
      s: 'Cable loose or charging cuts out when moved',
      sim: [
        'cable is loose',
        'charging cable bad connection',
        'have to bend the cable to charge',
        'cable wont transfer files',
      ],
      q: ['Is the plug loose, or is the cable itself damaged?'],
      sol: [
        'Clean dust out of the device’s port and test with another device to see whether the cable or the port is at fault.',
        'Check that it is a data cable (some cables only charge); a faulty cable is replaced under the 1-year warranty.',
      ],
    },
  ),
]

/** All fault entries: Chinese first, then English. */
export function buildFaults(): Fault[] {
  const side = (loc: 'zh' | 'en'): Fault[] =>
    ENTRIES.map((x) => {
      const s = x[loc]
      return {
        id: `fault-${loc}-${x.key}`,
        category: x.category,
        symptom: s.s,
        similar: s.sim,
        questions: s.q,
        solutions: s.sol,
        escalate: { queue: x.queue, priority: x.priority },
        locale: loc,
      }
    })
  return [...side('zh'), ...side('en')]
}
