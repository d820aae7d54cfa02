namespace Safeguard.Core.Matching;

/// <summary>The default name-variant table (see <see cref="NameVariants"/> for the format).</summary>
internal static class NameVariantTable
{
    public const string Default = """
        # English given names and their nicknames
        alexander, alex, alexandra, alexandr, aleksander, aleksandr, oleksandr, olek, sasha, sandy, xander, alec, al
        alan, allan, allen, al
        albert, bert, bertie, al
        alfred, alf, alfie, fred, freddie, al
        andrew, andy, drew, andrzej, andrei, andriy, andreas
        anthony, tony, antony, antoni, antonio, anton
        arthur, art, artie
        benjamin, ben, benny, benji
        bradley, brad
        charles, charlie, chas, chuck, karol, carl, karl
        christopher, chris, kit, kris, krzysztof, christoph
        daniel, dan, danny, daniil, danylo
        david, dave, davey, davy, dawid, davide, dawud, dawood, daud
        dominic, dom, dominik
        edward, ed, eddie, ted, teddy, ned, edwin, edmund
        frederick, fred, freddie, freddy, fryderyk
        gabriel, gabe, gabriela, gabriella, gaby
        george, georgie, jerzy, jurgis, georgios, yuri, jorge
        gregory, greg, grzegorz
        harold, harry, hal
        henry, harry, hank, henryk, hal
        jacob, jake, jakub, kuba, yakub, yaqub, jakob
        james, jim, jimmy, jamie, jay, seamus, hamish
        jeffrey, jeff, geoffrey, geoff
        jonathan, jon, jonny, johnny, jonty
        john, jack, johnny, jon, ian, sean, shaun, shawn, ivan, jan, janek, juan, giovanni, evan, johannes, hans
        joseph, joe, joey, jo, jozef, józef, yusuf, yousuf, yousef, youssef, yosef, giuseppe, jose
        joshua, josh
        kenneth, ken, kenny
        lawrence, laurence, larry, laurie, wawrzyniec
        leonard, leo, len, lenny, leon
        lewis, louis, lou, ludwik
        matthew, matt, matty, mateusz, matteo, matvei
        michael, mike, mikey, mick, micky, michal, mykhailo, mikhail, miguel, michel, mihai
        nathan, nat, nate, nathaniel
        nicholas, nick, nicky, nico, mikolaj, nikolai, mykola, nikolaos
        oliver, ollie, olly, oli
        patrick, pat, paddy
        peter, pete, piotr, pyotr, petro, petr, pedro, pietro
        philip, phil, pip, filip, phillip
        richard, rick, ricky, rich, richie, dick, ryszard
        robert, rob, robbie, bob, bobby, bert, rab, robin
        samuel, sam, sammy, shmuel
        stephen, steve, steven, stevie, stefan, stepan, steffan, esteban
        thomas, tom, tommy, tomasz, tomas, tomos
        timothy, tim, timmy
        victor, vic, wiktor, viktor
        william, will, bill, billy, willie, liam, wiliam, wilhelm
        zachary, zach, zack, zak
        # English given names for women and girls
        abigail, abby, abbie, gail
        alice, ally, alicja, alisha
        amelia, amy, millie, emilia
        ann, anne, anna, annie, hannah, ania, anya, hanna, anita
        barbara, barb, babs, basia
        catherine, katherine, kathryn, katharine, cathryn, kate, katie, katy, kathy, cathy, kat, kitty, kay, katarzyna, kasia, katya, ekaterina, yekaterina, caitlin, kaitlyn
        charlotte, charlie, lottie, lotte
        christine, chris, christina, kristina, krystyna, chrissie, tina
        deborah, debbie, debra, deb
        dorothy, dot, dottie, dora
        eleanor, ellie, nell, nellie, elle, ella, elena, helen, helena, lena
        elizabeth, liz, lizzie, beth, betty, bess, eliza, elsie, libby, lisa, elzbieta, elżbieta, ela, isabel, isabelle, isabella, izabela, bella
        emily, em, emmy, emilia, emilie
        emma, em, emmy
        frances, fran, frankie, fanny, franciszka
        georgina, georgia, gina
        jacqueline, jackie, jacky, jacqui
        jennifer, jen, jenny, jenna
        jessica, jess, jessie
        joanna, joanne, jo, joan, jane, janet, jean, janina, joanne, johanna, ioana, zhanna
        josephine, jo, josie, józefa
        julia, julie, julianne, julija, yulia, iuliia
        katrina, trina
        lucy, lucie, lucja, luca
        margaret, maggie, meg, peggy, madge, marge, margo, marjorie, greta, daisy, małgorzata, malgorzata, gosia, margarita, rita
        mary, maria, marie, molly, polly, maryam, mariam, marium, miriam, marija, mariya, maryja, moira, maura, mari
        natalie, nat, natalia, natasha, tasha, nataliya
        nicola, nicole, nicky, nikki, nikola
        olivia, liv, livvy, ollie
        patricia, pat, patty, tricia, trish
        rebecca, becky, becca, bex, rivka
        samantha, sam, sammy
        sarah, sara, sally, sadie, zara, sarra
        sophie, sophia, sofia, zofia, zosia
        stephanie, steph, stefania
        susan, sue, susie, suzanne, susanna, zuzanna, zuza
        teresa, theresa, tess, tessa, terri, teri, tereza
        victoria, vicky, vikki, tori, wiktoria, viktoria
        # South Asian and Arabic names in their common transliterations
        muhammad, mohammed, mohammad, mohamed, mohamad, muhammed, mohammod, mahammad, mohd, md, mo, mohamud, muhamad
        ahmed, ahmad, ahmet, ahmid
        mahmood, mahmud, mehmood, mahmoud, mehmud
        aisha, ayesha, aysha, ayeesha, aishah, ayisha, aiesha
        fatima, fatimah, fatma, fathima, fatema
        hussain, hussein, husain, husein, hossain, hosain, hussian
        hassan, hasan, hasen
        ali, aly, alee
        abdul, abdal, abdel, abdull
        abdullah, abdulla, abdallah, abdalla
        rahman, rehman, raman, rahmaan
        rashid, rasheed, rashed, rashida, rasheeda
        khadija, khadijah, khadeeja, kadija
        zainab, zaynab, zenab, zeinab
        maryam, mariam, maryum
        yasmin, yasmine, jasmine, jasmin, yasmeen
        iqbal, ikbal, iqbaal
        akhtar, akhter, akthar, aktar
        chaudhry, choudhury, chowdhury, chaudhary, choudhry, chaudhri, chowdhry, choudhary, chaudary, chowdary
        qureshi, kureshi, quraishi, qureishi, koreshi
        siddiqui, siddique, siddiqi, sidiqui, siddiky
        shah, sha
        begum, begom, beegum
        bibi, beebee
        nasreen, nasrin, nusrat, nasrine
        parveen, parvin, perveen, praveen
        shazia, shaziya
        imran, imraan
        usman, osman, uthman, othman, usmaan
        omar, umar, omer, umer
        yusuf, yousuf, yousef, youssef, yusef, joseph
        ibrahim, ebrahim, ibraheem, abraham
        ismail, ismael, esmail, ismaeel
        suleman, sulaiman, suleiman, solomon, sulayman
        idris, idrees, edris
        hamza, hamzah, hamzaa
        zakaria, zakariya, zakariyya, zachariah
        kaur, kor
        singh, sing
        sandeep, sandip
        pradeep, pradip
        gurpreet, gurpeet
        harpreet, harprit
        mohinder, mohindar, mahinder
        lakshmi, laxmi
        priya, pria
        rajesh, rajish
        # Eastern European families and gendered surname forms
        kowalski, kowalska
        wisniewski, wisniewska
        wojcik, wójcik
        kaminski, kaminska
        lewandowski, lewandowska
        zielinski, zielinska
        szymanski, szymanska
        wozniak, woźniak
        dabrowski, dabrowska
        kozlowski, kozlowska
        jankowski, jankowska
        mazur, mazurek
        wojciech, wojtek
        aleksandra, ola, olesia
        agnieszka, aga, agnes
        magdalena, magda, madeleine, madeline, maddie
        anastasia, nastya, stacey, stacy, ana
        olga, olha, olya
        tatiana, tatyana, tanya, tania
        svetlana, sveta, lana
        dmitri, dmitry, dmytro, dima
        sergei, sergey, serhiy, serge
        vladimir, volodymyr, vlad, volodya, wlodzimierz
        yuri, yuriy, jurij, yury
        ionut, ion, ioan
        andreea, andrea
        popescu, popesku
        # African names and their short forms
        oluwaseun, seun
        oluwadamilola, damilola, dami, lola
        oluwatobi, tobi, toby, tobias
        oluwafemi, femi
        olumide, mide
        adebayo, bayo
        olufunmilayo, funmi, funmilayo
        chukwuemeka, emeka
        chinedu, nedu
        ngozi, ngozika
        abimbola, bimbo, bola
        abdirahman, abdurahman, abdulrahman, abdur rahman, abdiraxman
        abdikadir, abdulkadir, abdul qadir, abdulqadir
        """;
}
